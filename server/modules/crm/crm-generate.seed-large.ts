import type { LeadStatus } from '../../../common/crm/lead.status';
import { computeCnIdCheckChar } from '../../../common/rules/cn-id';
import { computeOrgCodeCheckChar, computeUsccCheckChar } from '../../../common/rules/uscc';
import { MODEL_YEAR_CODES, withVinCheckDigit } from '../../../common/rules/vin';

/**
 * Pure generators of the large demo seed (`seed-demo --size large`): realistic Chinese names and valid,
 * unique identifiers derived from a running number, so a second run derives the same values and a
 * batch already written is recognised by its first mobile. Every value passes the rules library.
 */

/** A small deterministic random source (mulberry32): the same seed gives the same customers. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
export type Random = ReturnType<typeof seededRandom>;
export const pick = <T>(rnd: Random, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

// the hundred commonest surnames, commonest first (picked with a bias to the front of the list)
const surnames = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const compoundSurnames = ['欧阳', '司马', '上官', '诸葛', '东方'];
const givenMale = [...'伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳志建国文东海峰晨博'];
const givenFemale = [...'芳娜敏静丽艳娟霞秀英玲桂兰梅红琳婷雪慧佳颖倩琪欣怡悦瑶萍燕蓉洁晶璐薇'];

/** A person's name: a common surname (rarely a compound one) and one or two given characters. */
export function personName(rnd: Random, male: boolean): string {
  const surname =
    rnd() < 0.01 ? pick(rnd, compoundSurnames) : surnames[Math.floor(rnd() * rnd() * surnames.length)]!;
  const chars = male ? givenMale : givenFemale;
  return surname + (rnd() < 0.75 ? pick(rnd, chars) + pick(rnd, chars) : pick(rnd, chars));
}

const companyCities = ['北京', '上海', '广州', '深圳', '杭州', '南京', '成都', '武汉', '苏州', '天津'];
const companyWords = [
  '顺达',
  '恒通',
  '华信',
  '远景',
  '鑫源',
  '博远',
  '宏图',
  '瑞丰',
  '新锐',
  '安捷',
  '中联',
  '德盛',
];
const companyTrades = ['物流', '商务服务', '科技', '租赁', '建设工程', '贸易', '出行服务', '电子'];
export const companyName = (rnd: Random) =>
  `${pick(rnd, companyCities)}${pick(rnd, companyWords)}${pick(rnd, companyTrades)}有限公司`;

// MIIT mobile segments (none of those the small demo seed uses, so the two never meet)
const mobileSegments = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '136',
  '137',
  '147',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '166',
  '171',
  '173',
  '175',
  '176',
  '178',
  '180',
  '181',
  '182',
  '183',
  '184',
  '185',
  '187',
  '189',
  '191',
  '198',
  '199',
];

/** The n-th mobile of the large seed: 11 digits, unique for n < 32 × 10^8. */
export function largeMobile(n: number): string {
  const k = Math.floor(n / mobileSegments.length);
  const serial = (k * 7_654_321 + 12_345_678) % 100_000_000; // 7654321 is prime to 10^8: a permutation
  return mobileSegments[n % mobileSegments.length]! + String(serial).padStart(8, '0');
}

// GB/T 2260 county codes (not the small demo seed's)
const idRegions = [
  '110108',
  '120101',
  '130102',
  '140105',
  '210102',
  '220102',
  '230102',
  '310104',
  '320102',
  '330102',
  '340102',
  '350102',
  '360102',
  '370102',
  '410102',
  '420102',
  '430102',
  '440103',
  '440304',
  '450102',
  '500103',
  '510104',
  '520102',
  '530102',
  '610102',
  '620102',
];
const birthFrom = Date.UTC(1960, 0, 1);
const birthDays = 16_436; // 1960-01-01 .. 2004-12-31
const idSpace = idRegions.length * birthDays * 1000;

/** The n-th resident id (GB 11643, MOD 11-2 check character): unique for n < 427 million. */
export function largeResidentId(n: number): string {
  const k = (n * 48_271 + 1) % idSpace; // 48271 is prime to idSpace: a permutation
  const seq = k % 1000; // its last digit tells the sex (odd = male): the name follows it
  const day = Math.floor(k / 1000) % birthDays;
  const region = idRegions[Math.floor(k / 1000 / birthDays)]!;
  const birth = new Date(birthFrom + day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const body = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return body + computeCnIdCheckChar(body)!;
}

/** The n-th unified social credit code (GB 32100): unique for n < 10^6. */
export function largeUscc(n: number): string {
  const org8 = `MA${String((n * 7_919 + 4_242) % 1_000_000).padStart(6, '0')}`;
  const first17 = `91${idRegions[n % idRegions.length]}${org8}${computeOrgCodeCheckChar(org8)}`;
  return first17 + computeUsccCheckChar(first17)!;
}

const plateSerial = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'; // GA 36-2018: no I, no O
const plateAuthorities = 'BCDEFGHJKLMN'; // not A: the small demo seed uses A
const nevFirst = 'DABCEFGHJK';
const ordinarySpace = plateAuthorities.length * 34 * 34 * 1000;

/**
 * The n-th plate (GA 36-2018) in the given province: every fourth a small new-energy plate (6-character
 * serial), the others ordinary (two letters or digits then three digits). Unique for n < 13 million
 * whatever the province.
 */
export function largePlate(n: number, province: string): string {
  if (n % 4 === 0) {
    const k = n / 4;
    const digits = String(k % 10_000).padStart(4, '0');
    const second = plateSerial.charAt(Math.floor(k / 10_000) % 34);
    const first = nevFirst.charAt(Math.floor(k / 340_000) % 10);
    return `${province}${plateAuthorities.charAt(Math.floor(k / 3_400_000) % 12)}${first}${second}${digits}`;
  }
  const k = (n * 7_777_777 + 3) % ordinarySpace; // 7777777 is prime to 2·3·5·17: a permutation
  const digits = String(k % 1000).padStart(3, '0');
  const c2 = plateSerial.charAt(Math.floor(k / 1000) % 34);
  const c1 = plateSerial.charAt(Math.floor(k / 34_000) % 34);
  const authority = plateAuthorities.charAt(Math.floor(k / 1_156_000));
  return `${province}${authority}${c1}${c2}${digits}`;
}

/** Customers' cars: WMI (GB 16735), a model's descriptor section, brand and model names. */
const customerCars = [
  ['LGX', 'CE7TB', '比亚迪', '秦PLUS'],
  ['LGX', 'CH8SA', '比亚迪', '宋PLUS'],
  ['LFV', 'BA2BN', '一汽-大众', '速腾'],
  ['LFV', 'AM4CG', '一汽-大众', '探岳'],
  ['LVG', 'HK3FE', '广汽丰田', '凯美瑞'],
  ['LVG', 'HR5AJ', '广汽丰田', '汉兰达'],
  ['LBV', 'TE1RX', '华晨宝马', '5系'],
  ['LRW', 'YG1FL', '特斯拉', 'Model 3'],
  ['LHG', 'CV2GL', '广汽本田', '雅阁'],
  ['LHG', 'RW3HM', '东风本田', 'CR-V'],
  ['LE4', 'ZF4HB', '北京奔驰', 'C级'],
  ['LB3', 'KR6MX', '吉利汽车', '星越L'],
  ['LW4', 'LX9RA', '理想汽车', 'L7'],
  ['LS5', 'A2DEN', '长安汽车', 'CS75 PLUS'],
  ['LGW', 'EF6NC', '长城汽车', '哈弗H6'],
] as const;

/**
 * The n-th customer car: a valid VIN (check digit, model year code, plant and serial from n: unique for
 * n < 10 million and apart from the stock VINs, which use other plant codes), with brand and model.
 */
export function largeCustomerCar(n: number, modelYear: number) {
  const [wmi, vds, brand, model] = customerCars[n % customerCars.length]!;
  const year = MODEL_YEAR_CODES.charAt((((modelYear - 1980) % 30) + 30) % 30);
  const plant = 'ABCDEFGHJK'.charAt(Math.floor(n / 1_000_000) % 10);
  const serial = String((n * 7_919 + 104_729) % 1_000_000).padStart(6, '0');
  return { vin: withVinCheckDigit(`${wmi}${vds}0${year}${plant}${serial}`)!, brand, model };
}

/** Where a generated lead of a given age stands in the funnel (older leads are mostly closed). */
export function leadOutcome(rnd: Random, ageDays: number): LeadStatus {
  const r = rnd();
  if (ageDays > 60) return r < 0.28 ? 'won' : r < 0.93 ? 'lost' : 'negotiating';
  if (ageDays > 14)
    return r < 0.15
      ? 'won'
      : r < 0.45
        ? 'lost'
        : r < 0.7
          ? 'negotiating'
          : r < 0.85
            ? 'visited'
            : 'contacted';
  return r < 0.3
    ? 'new'
    : r < 0.6
      ? 'contacted'
      : r < 0.75
        ? 'appointment'
        : r < 0.9
          ? 'visited'
          : 'negotiating';
}

/** What demo customers are looking for (the demo and the large seed's leads). */
export const demoInterests = [
  '家用 SUV，预算 20 万左右，想要纯电',
  '换购，老车开了 8 年，关注油耗和空间',
  '公司用车，要发票，考虑插混',
  '第一辆车，看重智能驾驶和颜值',
  '二胎家庭，需要七座',
  '增购一台代步车，预算 10 万以内',
];
/** Demo customer tags, mostly none (JSON arrays as stored). */
export const demoTags = ['[]', '[]', '[]', '[]', '["老客户"]', '["意向客户"]', '["VIP"]', '["车主"]'];
