/**
 * Financial upper-case amounts (中文大写金额) as written on invoices, contracts
 * and bills, per 中国人民银行《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》:
 *  - digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, 元角分;
 *  - (二) an amount ending at 元 or 角 is followed by 整; after 分 no 整;
 *  - (四) a zero between non-zero digits is written 零; consecutive zeros are one 零;
 *    where the 元 digit is 0 but 角 is not, 零 is written after 元 (1680.32 → …捌拾元零叁角贰分);
 *    where the 角 digit is 0 and 分 is not, 零 is written after 元 (325.04 → …伍元零肆分).
 * Where the regulation leaves 零 optional — the 万 (or 亿) digit is 0 but the 千
 * (千万) digit is not — it is omitted, exactly as in the regulation's own first form
 * (107000.53 → 壹拾万柒仟元零伍角叁分); where the 千 digit is 0 too it is written
 * (100010.05 → 壹拾万零壹拾元零伍分).
 * Leading tens are written 壹拾 (10 → 壹拾元整), as financial practice requires.
 */
import { assertFen } from './money';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'] as const;

/** Words for 1 ≤ n ≤ 9999 without leading 零; inner zero runs collapse to one 零. */
function fourDigits(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS.charAt(d) + SMALL_UNITS[pos];
  }
  return out;
}

/** Words for a positive integer below 10^16, grouping by 万 and 亿 (亿 sections nest: 壹万亿). */
function integerWords(n: number): string {
  if (n >= 1e8) {
    const high = Math.floor(n / 1e8);
    const low = n % 1e8;
    return integerWords(high) + '亿' + (low === 0 ? '' : (low < 1e7 ? '零' : '') + integerWords(low));
  }
  if (n >= 1e4) {
    const high = Math.floor(n / 1e4);
    const low = n % 1e4;
    return fourDigits(high) + '万' + (low === 0 ? '' : (low < 1000 ? '零' : '') + fourDigits(low));
  }
  return fourDigits(n);
}

/**
 * The financial upper-case form of an amount in fen (基本规定 (二)-(四)):
 * 22600000 → 贰拾贰万陆仟元整; 10001005 → 壹拾万零壹拾元零伍分; 150 → 壹元伍角整;
 * 5 → 伍分; 0 → 零元整; negatives are prefixed 负.
 */
export function amountInWords(fen: number): string {
  assertFen(fen);
  if (fen < 0) return '负' + amountInWords(-fen);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  if (fen === 0) return '零元整';
  let out = '';
  if (yuan > 0) out += integerWords(yuan) + '元';
  if (jiao === 0 && fenDigit === 0) return out + '整';
  if (jiao > 0) {
    // 基本规定 (四): the 元 digit is 0 but 角 is not → 零 after 元.
    if (yuan > 0 && yuan % 10 === 0) out += '零';
    out += DIGITS.charAt(jiao) + '角';
  } else if (yuan > 0) {
    // 角 is 0 and 分 is not → 零 after 元.
    out += '零';
  }
  if (fenDigit === 0) return out + '整';
  return out + DIGITS.charAt(fenDigit) + '分';
}
