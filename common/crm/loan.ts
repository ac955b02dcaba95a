/**
 * Car loan instalments (等额本息, equal monthly instalments): the standard annuity formula
 * M = P × r / (1 − (1 + r)^−n), r = annual rate / 12, rounded 四舍五入 to the fen. Money in 分,
 * the rate in basis points (350 = 3.50 % a year) so that no float crosses the API.
 */
import { assertFen, divRoundHalfUp } from '../rules/money';

export interface LoanTerms {
  /** Amount financed (分). */
  principal: number;
  termMonths: number;
  /** Nominal annual rate in basis points: 0 for an interest-free (贴息) loan. */
  annualRateBp: number;
}

export interface LoanSchedule {
  principal: number;
  termMonths: number;
  annualRateBp: number;
  /** The equal monthly instalment (分). */
  monthly: number;
  /** monthly × termMonths. */
  totalRepaid: number;
  /** totalRepaid − principal (0 for an interest-free loan, up to a few fen of rounding). */
  totalInterest: number;
}

export const LOAN_TERM_MONTHS = { min: 6, max: 84 } as const;
export const LOAN_RATE_BP_MAX = 3600;

/** The monthly instalment of an annuity loan; throws RangeError on terms outside the allowed range. */
export function monthlyInstalment(terms: LoanTerms): LoanSchedule {
  const { principal, termMonths: n, annualRateBp } = terms;
  assertFen(principal, 'principal');
  if (principal < 0) throw new RangeError('principal must not be negative');
  if (!Number.isInteger(n) || n < LOAN_TERM_MONTHS.min || n > LOAN_TERM_MONTHS.max)
    throw new RangeError(
      `termMonths must be an integer from ${LOAN_TERM_MONTHS.min} to ${LOAN_TERM_MONTHS.max}`,
    );
  if (!Number.isInteger(annualRateBp) || annualRateBp < 0 || annualRateBp > LOAN_RATE_BP_MAX)
    throw new RangeError(`annualRateBp must be an integer from 0 to ${LOAN_RATE_BP_MAX}`);
  let monthly: number;
  if (annualRateBp === 0 || principal === 0) {
    monthly = divRoundHalfUp(principal, n);
  } else {
    const r = annualRateBp / 10_000 / 12;
    // 1 − (1 + r)^−n as −expm1(−n·log1p(r)): exact enough even for tiny rates
    const factor = r / -Math.expm1(-n * Math.log1p(r));
    // principal ≤ 10^10 fen and factor < 1: the product is far inside double precision
    monthly = Math.round(principal * factor);
  }
  const totalRepaid = monthly * n;
  return {
    principal,
    termMonths: n,
    annualRateBp,
    monthly,
    totalRepaid,
    totalInterest: totalRepaid - principal,
  };
}
