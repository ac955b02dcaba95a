/** The rules library over HTTP. */
export { rulesRoutes } from './rules.routes';
