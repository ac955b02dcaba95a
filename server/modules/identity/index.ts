/** The identity module's public API: what other modules and the app may use. */
export { authRoutes } from './auth.routes';
export { userRoutes } from './user.routes';
export { storeRoutes } from './store.routes';
export { tokenRoutes } from './token.routes';
export { resolveActor } from './auth.service';
export { ensureFirstAdmin } from './bootstrap';
export { registerIdentityJobs } from './identity.jobs';
export { findStoreRow, findStoresByIds, storesOfGroup } from './store.repo';
export { activeStaffWithRole } from './user.repo';
