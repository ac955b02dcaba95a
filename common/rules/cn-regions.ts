/**
 * Province-level administrative division codes (GB/T 2260, first two digits),
 * plus the codes used by the residence permits for Hong Kong, Macao and Taiwan
 * residents (81, 82, 83 — 国务院办公厅《港澳台居民居住证申领发放办法》, 2018).
 */

export interface Province {
  code: string;
  zh: string;
  en: string;
}

/** GB/T 2260 province codes. 71 (Taiwan) is listed by GB/T 2260; 83 is the Taiwan-resident permit prefix. */
export const PROVINCES: Readonly<Record<string, Province>> = Object.fromEntries(
  (
    [
      ['11', '北京', 'Beijing'],
      ['12', '天津', 'Tianjin'],
      ['13', '河北', 'Hebei'],
      ['14', '山西', 'Shanxi'],
      ['15', '内蒙古', 'Inner Mongolia'],
      ['21', '辽宁', 'Liaoning'],
      ['22', '吉林', 'Jilin'],
      ['23', '黑龙江', 'Heilongjiang'],
      ['31', '上海', 'Shanghai'],
      ['32', '江苏', 'Jiangsu'],
      ['33', '浙江', 'Zhejiang'],
      ['34', '安徽', 'Anhui'],
      ['35', '福建', 'Fujian'],
      ['36', '江西', 'Jiangxi'],
      ['37', '山东', 'Shandong'],
      ['41', '河南', 'Henan'],
      ['42', '湖北', 'Hubei'],
      ['43', '湖南', 'Hunan'],
      ['44', '广东', 'Guangdong'],
      ['45', '广西', 'Guangxi'],
      ['46', '海南', 'Hainan'],
      ['50', '重庆', 'Chongqing'],
      ['51', '四川', 'Sichuan'],
      ['52', '贵州', 'Guizhou'],
      ['53', '云南', 'Yunnan'],
      ['54', '西藏', 'Tibet'],
      ['61', '陕西', 'Shaanxi'],
      ['62', '甘肃', 'Gansu'],
      ['63', '青海', 'Qinghai'],
      ['64', '宁夏', 'Ningxia'],
      ['65', '新疆', 'Xinjiang'],
      ['71', '台湾', 'Taiwan'],
      ['81', '香港', 'Hong Kong'],
      ['82', '澳门', 'Macao'],
      ['83', '台湾', 'Taiwan'],
    ] as const
  ).map(([code, zh, en]) => [code, { code, zh, en }]),
);

/** Province for a two-digit code (GB/T 2260), or null. */
export function provinceByCode(code: string): Province | null {
  return PROVINCES[code] ?? null;
}
