import { computeCnIdCheckChar } from '../../../common/rules/cn-id';
import { computeOrgCodeCheckChar, computeUsccCheckChar } from '../../../common/rules/uscc';
import { withVinCheckDigit } from '../../../common/rules/vin';

/** Demo customers: realistic Chinese names, valid mobiles, resident ids (GB 11643), plates and VINs. */
export const demoPeople = [
  '王建国',
  '李秀英',
  '张伟',
  '刘洋',
  '陈静',
  '杨帆',
  '赵磊',
  '黄丽',
  '周杰',
  '吴敏',
  '徐强',
  '孙婷',
  '马超',
  '朱琳',
  '胡斌',
  '郭晓燕',
  '何俊',
  '高峰',
  '林雪',
  '罗刚',
  '郑爽',
  '梁晨',
  '谢飞',
  '宋佳',
  '唐亮',
  '许慧',
  '韩冬',
  '冯婷婷',
  '邓勇',
  '曹颖',
  '彭磊',
];
export const demoCompanies = ['北京顺达物流有限公司', '上海浦江商务服务有限公司', '广州天河出行科技有限公司'];

const regions = ['110105', '310115', '440106', '320106', '330106', '510107'];
const mobilePrefixes = ['138', '139', '186', '135', '150', '177', '188', '159'];
const plateProvinces = ['京', '沪', '粤'];
const serialChars = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const wmis = [
  ['LGX', '比亚迪', '汉'],
  ['LFV', '一汽-大众', '迈腾'],
  ['LVG', '广汽丰田', '凯美瑞'],
  ['LBV', '华晨宝马', '3系'],
  ['LRW', '特斯拉', 'Model Y'],
  ['LHG', '广汽本田', '雅阁'],
] as const;

export const demoMobile = (i: number) =>
  `${mobilePrefixes[i % mobilePrefixes.length]}${String(10_000_000 + ((i * 7_919_423) % 89_999_999)).slice(0, 8)}`;

export function demoResidentId(i: number) {
  const year = 1965 + ((i * 7) % 36);
  const month = String(1 + ((i * 5) % 12)).padStart(2, '0');
  const day = String(1 + ((i * 11) % 28)).padStart(2, '0');
  const body = `${regions[i % regions.length]}${year}${month}${day}${String(100 + ((i * 37) % 900)).padStart(3, '0')}`;
  return body + computeCnIdCheckChar(body)!;
}

export function demoUscc(i: number) {
  const org8 = `MA0${String(10_000 + i * 137).slice(0, 5)}`;
  const first17 = `91${regions[i % regions.length]}${org8}${computeOrgCodeCheckChar(org8)}`;
  return first17 + computeUsccCheckChar(first17)!;
}

export function demoPlate(storeIndex: number, i: number) {
  const province = plateProvinces[storeIndex % plateProvinces.length]!;
  const serial = Array.from({ length: 5 }, (_, k) =>
    serialChars.charAt((i * 13 + k * 7 + storeIndex) % serialChars.length),
  ).join('');
  // every third car is a small battery-electric new-energy plate (D + five digits)
  return i % 3 === 0 ? `${province}AD${10_000 + ((i * 311) % 90_000)}` : `${province}A${serial}`;
}

export function demoVin(storeIndex: number, i: number) {
  const [wmi, brand, model] = wmis[(i + storeIndex) % wmis.length]!;
  const serial = String(100_000 + storeIndex * 10_000 + i * 97).slice(-6);
  return { vin: withVinCheckDigit(`${wmi}CE4CB0SA${serial}`)!, brand, model };
}
