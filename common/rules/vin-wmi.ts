/**
 * World manufacturer identifiers (ISO 3780, VIN positions 1-3) and the
 * geographic zones of the first character.
 *
 * The table is a curated subset: the Chinese makers a 4S store meets and the
 * common import brands. An unknown WMI is not an error (ISO 3780 assigns
 * thousands); it just yields `manufacturer: null`.
 */

export interface WmiEntry {
  /** Maker in English. */
  en: string;
  /** Maker in Chinese. */
  zh: string;
}

/** ISO 3780 WMIs of manufacturers commonly met in Chinese dealerships. */
export const WMI_TABLE: Readonly<Record<string, WmiEntry>> = {
  // ---- China (GB 16735; WMI assigned via the China Automotive Technology & Research Center) ----
  LSV: { en: 'SAIC Volkswagen', zh: '上汽大众' },
  LFV: { en: 'FAW-Volkswagen', zh: '一汽-大众' },
  LBV: { en: 'BMW Brilliance', zh: '华晨宝马' },
  LE4: { en: 'Beijing Benz', zh: '北京奔驰' },
  LGX: { en: 'BYD', zh: '比亚迪' },
  LC0: { en: 'BYD', zh: '比亚迪' },
  LRW: { en: 'Tesla (Shanghai)', zh: '特斯拉（上海）' },
  LSJ: { en: 'SAIC Motor (MG / Roewe)', zh: '上汽乘用车（名爵 / 荣威）' },
  LSG: { en: 'SAIC-GM', zh: '上汽通用' },
  LZW: { en: 'SAIC-GM-Wuling', zh: '上汽通用五菱' },
  L6T: { en: 'Geely', zh: '吉利汽车' },
  LB3: { en: 'Geely', zh: '吉利汽车' },
  LYV: { en: 'Volvo Cars (China)', zh: '沃尔沃亚太' },
  LVG: { en: 'GAC Toyota', zh: '广汽丰田' },
  LHG: { en: 'GAC Honda', zh: '广汽本田' },
  LMG: { en: 'GAC Motor', zh: '广汽乘用车' },
  LVH: { en: 'Dongfeng Honda', zh: '东风本田' },
  LGB: { en: 'Dongfeng Nissan', zh: '东风日产' },
  LDC: { en: 'Dongfeng Peugeot Citroën', zh: '神龙汽车' },
  LJD: { en: 'Dongfeng Yueda Kia', zh: '东风悦达起亚' },
  LFM: { en: 'FAW Toyota', zh: '一汽丰田' },
  LFP: { en: 'FAW Car', zh: '一汽轿车' },
  LVS: { en: 'Changan Ford', zh: '长安福特' },
  LVR: { en: 'Changan Mazda', zh: '长安马自达' },
  LS5: { en: 'Changan', zh: '长安汽车' },
  LBE: { en: 'Beijing Hyundai', zh: '北京现代' },
  LNB: { en: 'BAIC Motor', zh: '北京汽车' },
  LVV: { en: 'Chery', zh: '奇瑞汽车' },
  LGW: { en: 'Great Wall Motor', zh: '长城汽车' },
  LJ1: { en: 'JAC (incl. NIO contract production)', zh: '江淮汽车（含蔚来代工）' },
  // ---- Japan ----
  JHM: { en: 'Honda', zh: '本田' },
  JHL: { en: 'Honda', zh: '本田' },
  JH4: { en: 'Acura', zh: '讴歌' },
  JTD: { en: 'Toyota', zh: '丰田' },
  JTE: { en: 'Toyota', zh: '丰田' },
  JTM: { en: 'Toyota', zh: '丰田' },
  JTN: { en: 'Toyota', zh: '丰田' },
  JTH: { en: 'Lexus', zh: '雷克萨斯' },
  JTJ: { en: 'Lexus', zh: '雷克萨斯' },
  JN1: { en: 'Nissan', zh: '日产' },
  JN8: { en: 'Nissan', zh: '日产' },
  JM1: { en: 'Mazda', zh: '马自达' },
  JF1: { en: 'Subaru', zh: '斯巴鲁' },
  JF2: { en: 'Subaru', zh: '斯巴鲁' },
  JS2: { en: 'Suzuki', zh: '铃木' },
  JA3: { en: 'Mitsubishi', zh: '三菱' },
  JA4: { en: 'Mitsubishi', zh: '三菱' },
  // ---- Korea ----
  KMH: { en: 'Hyundai', zh: '现代' },
  KM8: { en: 'Hyundai', zh: '现代' },
  KNA: { en: 'Kia', zh: '起亚' },
  KND: { en: 'Kia', zh: '起亚' },
  // ---- Germany ----
  WBA: { en: 'BMW', zh: '宝马' },
  WBS: { en: 'BMW M', zh: '宝马 M' },
  WBY: { en: 'BMW i', zh: '宝马 i' },
  WMW: { en: 'MINI', zh: 'MINI' },
  WDD: { en: 'Mercedes-Benz', zh: '梅赛德斯-奔驰' },
  WDB: { en: 'Mercedes-Benz', zh: '梅赛德斯-奔驰' },
  WDC: { en: 'Mercedes-Benz', zh: '梅赛德斯-奔驰' },
  W1K: { en: 'Mercedes-Benz', zh: '梅赛德斯-奔驰' },
  W1N: { en: 'Mercedes-Benz', zh: '梅赛德斯-奔驰' },
  WME: { en: 'smart', zh: 'smart' },
  WAU: { en: 'Audi', zh: '奥迪' },
  WA1: { en: 'Audi', zh: '奥迪' },
  WUA: { en: 'Audi Sport', zh: '奥迪 Sport' },
  WVW: { en: 'Volkswagen', zh: '大众' },
  WVG: { en: 'Volkswagen', zh: '大众' },
  WV1: { en: 'Volkswagen Commercial Vehicles', zh: '大众商用车' },
  WV2: { en: 'Volkswagen Commercial Vehicles', zh: '大众商用车' },
  WP0: { en: 'Porsche', zh: '保时捷' },
  WP1: { en: 'Porsche', zh: '保时捷' },
  WF0: { en: 'Ford (Germany)', zh: '福特（德国）' },
  W0L: { en: 'Opel', zh: '欧宝' },
  XP7: { en: 'Tesla (Berlin)', zh: '特斯拉（柏林）' },
  // ---- UK ----
  SAL: { en: 'Land Rover', zh: '路虎' },
  SAJ: { en: 'Jaguar', zh: '捷豹' },
  SCA: { en: 'Rolls-Royce', zh: '劳斯莱斯' },
  SCB: { en: 'Bentley', zh: '宾利' },
  SCC: { en: 'Lotus', zh: '路特斯' },
  SCF: { en: 'Aston Martin', zh: '阿斯顿·马丁' },
  SBM: { en: 'McLaren', zh: '迈凯伦' },
  // ---- Italy ----
  ZFF: { en: 'Ferrari', zh: '法拉利' },
  ZHW: { en: 'Lamborghini', zh: '兰博基尼' },
  ZAM: { en: 'Maserati', zh: '玛莎拉蒂' },
  ZAR: { en: 'Alfa Romeo', zh: '阿尔法·罗密欧' },
  ZFA: { en: 'Fiat', zh: '菲亚特' },
  // ---- Sweden / France / Spain / Czechia ----
  YV1: { en: 'Volvo Cars', zh: '沃尔沃' },
  YV4: { en: 'Volvo Cars', zh: '沃尔沃' },
  VF1: { en: 'Renault', zh: '雷诺' },
  VF3: { en: 'Peugeot', zh: '标致' },
  VF7: { en: 'Citroën', zh: '雪铁龙' },
  VSS: { en: 'SEAT', zh: '西雅特' },
  TMB: { en: 'Škoda', zh: '斯柯达' },
  // ---- North America ----
  '1HG': { en: 'Honda (USA)', zh: '本田（美国）' },
  '2HG': { en: 'Honda (Canada)', zh: '本田（加拿大）' },
  '5J6': { en: 'Honda (USA)', zh: '本田（美国）' },
  '5FN': { en: 'Honda (USA)', zh: '本田（美国）' },
  '19U': { en: 'Acura (USA)', zh: '讴歌（美国）' },
  '4T1': { en: 'Toyota (USA)', zh: '丰田（美国）' },
  '5TD': { en: 'Toyota (USA)', zh: '丰田（美国）' },
  '2T1': { en: 'Toyota (Canada)', zh: '丰田（加拿大）' },
  '1N4': { en: 'Nissan (USA)', zh: '日产（美国）' },
  '1G1': { en: 'Chevrolet', zh: '雪佛兰' },
  '1GC': { en: 'Chevrolet (truck)', zh: '雪佛兰（卡车）' },
  '1GY': { en: 'Cadillac', zh: '凯迪拉克' },
  '1FA': { en: 'Ford', zh: '福特' },
  '1FM': { en: 'Ford (MPV)', zh: '福特（多用途车）' },
  '1FT': { en: 'Ford (truck)', zh: '福特（卡车）' },
  '1C4': { en: 'Chrysler / Jeep', zh: '克莱斯勒 / Jeep' },
  '1J4': { en: 'Jeep', zh: 'Jeep' },
  '4JG': { en: 'Mercedes-Benz (USA)', zh: '梅赛德斯-奔驰（美国）' },
  '5UX': { en: 'BMW (USA)', zh: '宝马（美国）' },
  '5YJ': { en: 'Tesla (Fremont)', zh: '特斯拉（弗里蒙特）' },
  '7SA': { en: 'Tesla (USA)', zh: '特斯拉（美国）' },
  '3VW': { en: 'Volkswagen (Mexico)', zh: '大众（墨西哥）' },
};

/** Geographic zone of ISO 3780 (first VIN character). */
export type VinRegion = 'africa' | 'asia' | 'europe' | 'north_america' | 'oceania' | 'south_america';

/**
 * ISO 3780 zone of the first VIN character: A-H Africa, J-R Asia, S-Z Europe,
 * 1-5 North America, 6-7 Oceania, 8-9 South America. '0' (recently reassigned
 * by SAE) and anything else → null.
 */
export function vinRegion(firstChar: string): VinRegion | null {
  const c = firstChar.toUpperCase();
  if (c >= 'A' && c <= 'H') return 'africa';
  if (c >= 'J' && c <= 'R') return 'asia';
  if (c >= 'S' && c <= 'Z') return 'europe';
  if (c >= '1' && c <= '5') return 'north_america';
  if (c === '6' || c === '7') return 'oceania';
  if (c === '8' || c === '9') return 'south_america';
  return null;
}

/** ISO 3780 ordering of the second character inside a country range (A…Z, then 1…9, 0). */
const ISO3780_ORDER = 'ABCDEFGHJKLMNPRSTUVWXYZ1234567890';

/** ISO 3780 country ranges [first char, second from, second to, ISO 3166 alpha-2]. */
const COUNTRY_RANGES: readonly (readonly [string, string, string, string])[] = [
  ['1', 'A', '0', 'US'],
  ['4', 'A', '0', 'US'],
  ['5', 'A', '0', 'US'],
  ['2', 'A', '0', 'CA'],
  ['3', 'A', 'W', 'MX'],
  ['J', 'A', '0', 'JP'],
  ['K', 'L', 'R', 'KR'],
  ['L', 'A', '0', 'CN'],
  ['M', 'A', 'E', 'IN'],
  ['S', 'A', 'M', 'GB'],
  ['T', 'A', 'H', 'CH'],
  ['T', 'J', 'P', 'CZ'],
  ['T', 'R', 'V', 'HU'],
  ['V', 'A', 'E', 'AT'],
  ['V', 'F', 'R', 'FR'],
  ['V', 'S', 'W', 'ES'],
  ['W', 'A', '0', 'DE'],
  ['X', 'S', 'W', 'RU'],
  ['Y', 'A', 'E', 'BE'],
  ['Y', 'F', 'K', 'FI'],
  ['Y', 'S', 'W', 'SE'],
  ['Z', 'A', 'R', 'IT'],
  ['6', 'A', 'W', 'AU'],
  ['9', 'A', 'E', 'BR'],
  ['8', 'A', 'E', 'AR'],
];

/** ISO 3166 country of a WMI from the ISO 3780 ranges of its first two characters; null if not in the table. */
export function vinCountry(wmi: string): string | null {
  const a = wmi.charAt(0).toUpperCase();
  const b = ISO3780_ORDER.indexOf(wmi.charAt(1).toUpperCase());
  if (b < 0) return null;
  for (const [first, from, to, country] of COUNTRY_RANGES) {
    if (first === a && b >= ISO3780_ORDER.indexOf(from) && b <= ISO3780_ORDER.indexOf(to)) return country;
  }
  return null;
}

/** Maker for a WMI from WMI_TABLE, or null when the WMI is not listed. */
export function lookupWmi(wmi: string): WmiEntry | null {
  return WMI_TABLE[wmi.toUpperCase()] ?? null;
}
