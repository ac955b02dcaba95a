/**
 * Forecourt rules library: pure, browser-safe functions for the automotive and
 * Chinese rules a dealer lives by. Each function's doc comment cites its standard.
 */
export * from './result';
export * from './civil-date';
export * from './vin-wmi';
export * from './vin';
export * from './cn-regions';
export * from './cn-id';
export * from './uscc';
export * from './cn-mobile';
export * from './cn-plate';
export * from './money';
export * from './amount-in-words';
export * from './tax-policies';
export * from './vehicle-tax';
export * from './repair-days';
export * from './three-guarantee-windows';
export * from './three-guarantee-types';
export * from './three-guarantee-remedies';
export * from './three-guarantee';
export * from './validate';
export * from './password';
export * from './messages';
export * from './rules.schemas';
