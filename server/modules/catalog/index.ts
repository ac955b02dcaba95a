/** The catalog module's public API: what other modules and the app may use. */
export { findTrimSummaries, trimIdsByCode, type TrimSummary } from './trim-summary.repo';
export { catalogRoutes } from './catalog.routes';
export {
  art10,
  assertQuoteLineAllowed,
  checkQuoteLine,
  priceInForce,
  trimPricesInForce,
  type QuoteLine,
} from './price-check.service';
export { seedCatalog } from './catalog.seed';
