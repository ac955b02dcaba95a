/**
 * Money as integer 分 (fen, 0.01 CNY). Every amount in common/rules is a safe
 * integer number of fen; intermediate products use BigInt so nothing is lost.
 * Rounding is 四舍五入 (round half away from zero), the rule of the tax
 * authorities' invoice and return systems.
 */

/** True when `n` is a safe integer amount of fen. */
export function isFen(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n);
}

/** Throws RangeError unless `n` is a safe integer (callers pass fen, never yuan floats). */
export function assertFen(n: number, name = 'amount'): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be an integer number of fen`);
  return n;
}

function toSafe(b: bigint): number {
  if (b > BigInt(Number.MAX_SAFE_INTEGER) || b < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError('amount exceeds the safe integer range');
  }
  return Number(b);
}

/**
 * numerator / denominator rounded half away from zero (四舍五入), exact for any
 * integers (computed in BigInt). The denominator must be positive.
 */
export function divRoundHalfUp(numerator: bigint | number, denominator: bigint | number): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d <= 0n) throw new RangeError('denominator must be positive');
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (a * 2n + d) / (2n * d);
  return toSafe(neg ? -q : q);
}

/** fen × numerator / denominator, rounded 四舍五入 to the fen (e.g. 10 % → mulRatio(x, 10, 100)). */
export function mulRatio(fen: number, numerator: number, denominator: number): number {
  assertFen(fen);
  return divRoundHalfUp(BigInt(fen) * BigInt(numerator), denominator);
}

/** Sum of fen amounts; throws if any is not an integer or the total leaves the safe range. */
export function addFen(...amounts: number[]): number {
  let total = 0n;
  for (const a of amounts) total += BigInt(assertFen(a));
  return toSafe(total);
}

/** a − b in fen. */
export function subFen(a: number, b: number): number {
  return toSafe(BigInt(assertFen(a)) - BigInt(assertFen(b)));
}

/**
 * Parses a yuan amount written with at most two decimals ('226000', '226,000.00',
 * '¥1.5', '-3.07', '-¥1.00') into fen without floating point. Null for anything else
 * (three decimals, exponents, empty text…).
 */
export function parseYuanToFen(text: string): number | null {
  const s = text
    .trim()
    .replace(/^(-?)[¥￥]/, '$1')
    .replace(/,/g, '');
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m || m[2] === undefined) return null;
  const fen = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  const signed = m[1] ? -fen : fen;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(signed);
}

/** Plain yuan text with two decimals and no grouping: 22600000 → '226000.00'. */
export function fenToYuanString(fen: number): string {
  assertFen(fen);
  const neg = fen < 0;
  const a = Math.abs(fen);
  return `${neg ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

export interface FormatFenOptions {
  /** Prefix '¥' (default true). */
  symbol?: boolean;
  /** Thousands separators (default true). */
  grouping?: boolean;
}

/** Display form: 22600000 → '¥226,000.00'; negatives as '-¥1.00'. */
export function formatFen(fen: number, options: FormatFenOptions = {}): string {
  assertFen(fen);
  const { symbol = true, grouping = true } = options;
  const neg = fen < 0;
  const a = Math.abs(fen);
  let yuan = String(Math.floor(a / 100));
  if (grouping) yuan = yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${symbol ? '¥' : ''}${yuan}.${String(a % 100).padStart(2, '0')}`;
}
