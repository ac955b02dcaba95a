import type { Reason } from '../../../common/crm/recommendation';
import { formatFen } from '../../../common/rules/money';
import { interpolate, type Lang } from '../../platform/i18n';
import { bodyTypesLabels, energiesLabels, featuresLabels } from './catalog-labels';

/** The words of the purchase plan PDF and share page, in the customer's language. */
export const planTexts = {
  'zh-CN': {
    title: '个性化购车方案',
    number: '方案编号',
    customer: '客户',
    consultant: '销售顾问',
    date: '报价日期',
    validUntil: '链接有效期至',
    alternative: '方案',
    trim: '车型',
    energy: '能源类型',
    guidePrice: '厂商指导价',
    displayPrice: '本店标价',
    factoryOptions: '选装配置',
    accessories: '精品附件',
    invoiceTotal: '购车发票价（价税合计）',
    priceExclVat: '其中：不含税价',
    vat: '其中：增值税（13%）',
    purchaseTax: '车辆购置税',
    purchaseTaxRelief: '新能源车购置税减免',
    payment: '付款方式',
    full: '全款',
    loan: '贷款',
    downPayment: '首付',
    financed: '贷款金额',
    term: '期限 / 年利率',
    termValue: '{months} 期 / {rate}%',
    monthly: '月供',
    totalInterest: '利息合计',
    dueAtPurchase: '购车时需支付',
    totalCost: '总费用',
    options: '选装与精品',
    none: '无',
    why: '推荐理由',
    note: '备注',
    download: '下载 PDF',
    footer:
      '价格为本店 {date} 明示的标价（《汽车销售管理办法》第十条）。购置税按报价日期的政策估算{policy}；最终以购车合同和发票为准。',
    expired: '该链接已失效，请联系您的销售顾问。',
  },
  en: {
    title: 'Personalised purchase plan',
    number: 'Plan no.',
    customer: 'Customer',
    consultant: 'Sales consultant',
    date: 'Prices of',
    validUntil: 'Link valid until',
    alternative: 'Option',
    trim: 'Trim',
    energy: 'Energy',
    guidePrice: 'Manufacturer guide price',
    displayPrice: 'Our displayed price',
    factoryOptions: 'Factory options',
    accessories: 'Accessories',
    invoiceTotal: 'Vehicle invoice (incl. VAT)',
    priceExclVat: 'of which price excl. VAT',
    vat: 'of which VAT (13%)',
    purchaseTax: 'Vehicle purchase tax',
    purchaseTaxRelief: 'NEV purchase-tax relief',
    payment: 'Payment',
    full: 'Full payment',
    loan: 'Loan',
    downPayment: 'Down payment',
    financed: 'Amount financed',
    term: 'Term / annual rate',
    termValue: '{months} months / {rate}%',
    monthly: 'Monthly instalment',
    totalInterest: 'Total interest',
    dueAtPurchase: 'Due at purchase',
    totalCost: 'Total cost',
    options: 'Options and accessories',
    none: 'None',
    why: 'Why it fits',
    note: 'Note',
    download: 'Download PDF',
    footer:
      'Prices as displayed by the store on {date} (Measures for the Administration of Automobile Sales, Art. 10). Purchase tax estimated under the policy of that date{policy}; the contract and invoice are final.',
    expired: 'This link has expired. Please contact your sales consultant.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

const reasonTemplates: Record<Reason['code'], Record<Lang, string>> = {
  within_budget: {
    'zh-CN': '标价 {price} 在预算 {budgetMax} 以内',
    en: 'Price {price} within the budget of {budgetMax}',
  },
  over_budget: {
    'zh-CN': '标价 {price} 超出预算 {budgetMax}',
    en: 'Price {price} is above the budget of {budgetMax}',
  },
  below_budget_min: {
    'zh-CN': '标价 {price} 低于预算下限 {budgetMin}',
    en: 'Price {price} is below the budget minimum {budgetMin}',
  },
  no_display_price: { 'zh-CN': '本店暂无明示标价', en: 'No displayed price at the store' },
  seats_ok: { 'zh-CN': '{seats} 座，满足 {needed} 座需求', en: '{seats} seats for the {needed} needed' },
  too_few_seats: { 'zh-CN': '仅 {seats} 座，需要 {needed} 座', en: 'Only {seats} seats; {needed} needed' },
  energy_match: { 'zh-CN': '能源类型：{energy}', en: 'Energy: {energy}' },
  energy_excluded: { 'zh-CN': '{energy}不在意向能源（{wanted}）中', en: '{energy} is not among {wanted}' },
  body_type_match: { 'zh-CN': '车身：{bodyType}', en: 'Body: {bodyType}' },
  body_type_excluded: {
    'zh-CN': '{bodyType}不是意向车身（{wanted}）',
    en: '{bodyType} is not among {wanted}',
  },
  must_haves_met: { 'zh-CN': '具备全部必备配置：{features}', en: 'Has every must-have: {features}' },
  must_have_missing: { 'zh-CN': '缺少必备配置：{features}', en: 'Lacks must-haves: {features}' },
  nice_to_have_met: { 'zh-CN': '具备加分配置：{features}', en: 'Has nice-to-haves: {features}' },
  nice_to_have_missing: { 'zh-CN': '缺少加分配置：{features}', en: 'Lacks nice-to-haves: {features}' },
  bev_needs_home_charging: {
    'zh-CN': '家中无法充电，续航 {rangeKm} km 低于 {minRangeKm} km',
    en: 'No home charging and a range of {rangeKm} km, below {minRangeKm} km',
  },
  bev_public_charging_range: {
    'zh-CN': '续航 {rangeKm} km，依靠公共充电也够用',
    en: 'A range of {rangeKm} km copes with public charging',
  },
  in_stock: { 'zh-CN': '现车 {count} 台，可即提', en: '{count} in stock: drive away now' },
  on_order: { 'zh-CN': '需订车', en: 'To be ordered' },
  brand_considered: { 'zh-CN': '意向品牌', en: 'A brand the customer considers' },
  brand_not_considered: { 'zh-CN': '非意向品牌', en: 'Not a brand the customer considers' },
  long_range: { 'zh-CN': '适合长途出行', en: 'Suits long trips' },
  short_range_for_long_trips: {
    'zh-CN': '续航 {rangeKm} km，长途出行需多次补能',
    en: 'A range of {rangeKm} km means frequent stops on long trips',
  },
};

/** A reason of the recommendation as a sentence in the language (money, features and energies named). */
export function reasonText(reason: { code: string; params: Reason['params'] }, lang: Lang): string {
  const label = (map: Record<string, Record<Lang, string>>, v: string) => map[v]?.[lang] ?? v;
  const sep = lang === 'en' ? ', ' : '、';
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(reason.params)) {
    if (Array.isArray(v))
      params[k] = v
        .map((x) =>
          label(
            k === 'features'
              ? featuresLabels
              : k === 'wanted'
                ? { ...energiesLabels, ...bodyTypesLabels }
                : {},
            x,
          ),
        )
        .join(sep);
    else if (['price', 'budgetMax', 'budgetMin', 'over'].includes(k) && typeof v === 'number')
      params[k] = formatFen(v);
    else if (k === 'energy') params[k] = label(energiesLabels, String(v));
    else if (k === 'bodyType') params[k] = label(bodyTypesLabels, String(v));
    else params[k] = String(v);
  }
  const template = reasonTemplates[reason.code as Reason['code']];
  return template ? interpolate(template[lang], params) : reason.code;
}

/** Basis points as a percentage without trailing zeros: 350 → "3.5", 299 → "2.99". */
export const percentOf = (bp: number) => String(Number((bp / 100).toFixed(2)));
