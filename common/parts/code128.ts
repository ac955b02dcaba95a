/**
 * Code 128 (subset B) barcodes for pick lists and labels: printable ASCII text → bar and space widths.
 * Each symbol is 6 alternating widths (bar first) of 11 modules; the stop symbol has 7 (13 modules).
 * Checksum: (start + Σ value × position) mod 103.
 */
const patterns = [
  '212222',
  '222122',
  '222221',
  '121223',
  '121322',
  '131222',
  '122213',
  '122312',
  '132212',
  '221213',
  '221312',
  '231212',
  '112232',
  '122132',
  '122231',
  '113222',
  '123122',
  '123221',
  '223211',
  '221132',
  '221231',
  '213212',
  '223112',
  '312131',
  '311222',
  '321122',
  '321221',
  '312212',
  '322112',
  '322211',
  '212123',
  '212321',
  '232121',
  '111323',
  '131123',
  '131321',
  '112313',
  '132113',
  '132311',
  '211313',
  '231113',
  '231311',
  '112133',
  '112331',
  '132131',
  '113123',
  '113321',
  '133121',
  '313121',
  '211331',
  '231131',
  '213113',
  '213311',
  '213131',
  '311123',
  '311321',
  '331121',
  '312113',
  '312311',
  '332111',
  '314111',
  '221411',
  '431111',
  '111224',
  '111422',
  '121124',
  '121421',
  '141122',
  '141221',
  '112214',
  '112412',
  '122114',
  '122411',
  '142112',
  '142211',
  '241211',
  '221114',
  '413111',
  '241112',
  '134111',
  '111242',
  '121142',
  '121241',
  '114212',
  '124112',
  '124211',
  '411212',
  '421112',
  '421211',
  '212141',
  '214121',
  '412121',
  '111143',
  '111341',
  '131141',
  '114113',
  '114311',
  '411113',
  '411311',
  '113141',
  '114131',
  '311141',
  '411131',
  '211412',
  '211214',
  '211232',
  '2331112',
] as const;
export const code128Patterns: readonly string[] = patterns;

const startB = 104;
const stop = 106;

/** The symbol values of `text` in subset B with start, checksum and stop; null for characters outside ASCII 32-127. */
export function code128Values(text: string): number[] | null {
  const values = [startB];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 32 || code > 127 || ch.length !== 1) return null;
    values.push(code - 32);
  }
  const checksum = values.reduce((sum, v, i) => sum + v * Math.max(1, i), 0) % 103;
  return [...values, checksum, stop];
}

/** Bars as [x, width] in modules (quiet zones not included), and the total width in modules. */
export function code128Bars(text: string): { bars: [number, number][]; modules: number } | null {
  const values = code128Values(text);
  if (!values) return null;
  const bars: [number, number][] = [];
  let x = 0;
  for (const v of values) {
    const widths = patterns[v]!.split('').map(Number);
    widths.forEach((w, i) => {
      if (i % 2 === 0) bars.push([x, w]);
      x += w;
    });
  }
  return { bars, modules: x };
}
