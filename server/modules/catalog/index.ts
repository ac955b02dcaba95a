/** The catalog module's public API: what other modules and the app may use. */
export { findTrimSummaries, trimIdsByCode, type TrimSummary } from './trim-summary.repo';
