import type { priceItemKinds } from '../../../common/catalog/catalog.enums';
import type { QuoteLineCheckResult } from '../../../common/catalog/price-list.schemas';
import { formatFen } from '../../../common/rules/money';
import type { DbOrTrx } from '../../db/database';
import { AppError } from '../../platform/errors';
import { interpolate, type Lang } from '../../platform/i18n';
import { findItems, findListInForce, itemsOfList, type PriceItemRow } from './price-list.repo';
import type { TrimPrice } from './trim.view';

type ItemKind = (typeof priceItemKinds)[number];

export interface QuoteLine {
  storeId: string;
  /** The store-local date the price is quoted for (YYYY-MM-DD). */
  date: string;
  itemKind: ItemKind;
  itemRef: string;
  /** The price asked of the customer, in 分. */
  price: number;
}

export const art10 = {
  'zh-CN': '《汽车销售管理办法》（2017）第十条',
  en: 'Measures for the Administration of Automobile Sales (2017), Art. 10',
} as const satisfies Record<Lang, string>;

const messages = {
  ok: {
    'zh-CN': '价格 {price} 不高于明示标价 {displayPrice}，符合{article}',
    en: 'Price {price} is within the displayed price {displayPrice} ({article})',
  },
  above_display_price: {
    'zh-CN': '价格 {price} 高于明示标价 {displayPrice}：依据{article}，不得在标价之外加价销售',
    en: 'Price {price} is above the displayed price {displayPrice}: {article} forbids selling above the price on display',
  },
  not_on_display: {
    'zh-CN': '该{item}未在当日有效的明示价目表中：依据{article}，不得收取未予明示的费用或加价销售',
    en: 'This {item} is not on the price list on display that day: {article} forbids charging anything not on display',
  },
} as const;
const itemNames: Record<ItemKind, Record<Lang, string>> = {
  trim: { 'zh-CN': '车型', en: 'trim' },
  option: { 'zh-CN': '选装配置', en: 'factory option' },
  accessory: { 'zh-CN': '精品附件', en: 'accessory' },
  fee: { 'zh-CN': '服务收费项目', en: 'fee' },
};

/**
 * The price list a store displays on a date (汽车销售管理办法 Art. 10): the published list with the
 * latest effectiveFrom ≤ date whose effectiveTo is open or ≥ date, with its lines; null when none.
 */
export async function priceInForce(db: DbOrTrx, storeId: string, date: string) {
  const list = await findListInForce(db, storeId, date);
  if (!list) return null;
  return { list, items: await itemsOfList(db, list.id) };
}

/** The 指导价 and 标价 of trims in force in a store on a date (trims without a line are absent). */
export async function trimPricesInForce(db: DbOrTrx, storeId: string, date: string, trimIds: string[]) {
  const map = new Map<string, TrimPrice>();
  const list = await findListInForce(db, storeId, date);
  if (!list) return map;
  for (const item of await findItems(db, list.id, 'trim', trimIds)) {
    map.set(item.item_ref, { guidePrice: item.guide_price, displayPrice: item.display_price });
  }
  return map;
}

/**
 * 汽车销售管理办法 (2017) Art. 10: a dealer displays the prices of cars, parts and services and may not
 * sell above the displayed price nor charge a fee that is not on display. Checks one quote line
 * against the list in force on the date; the answer cites the article in the caller's language.
 */
export async function checkQuoteLine(
  db: DbOrTrx,
  line: QuoteLine,
  lang: Lang,
): Promise<QuoteLineCheckResult> {
  const list = await findListInForce(db, line.storeId, line.date);
  const item: PriceItemRow | undefined = list
    ? (await findItems(db, list.id, line.itemKind, [line.itemRef]))[0]
    : undefined;
  const params = {
    article: art10[lang],
    price: formatFen(line.price),
    displayPrice: item ? formatFen(item.display_price) : '',
    item: itemNames[line.itemKind][lang],
  };
  const code: QuoteLineCheckResult['code'] = !item
    ? 'not_on_display'
    : line.price > item.display_price
      ? 'above_display_price'
      : 'ok';
  return {
    allowed: code === 'ok',
    code,
    displayPrice: item?.display_price ?? null,
    guidePrice: item?.guide_price ?? null,
    priceListId: list?.id ?? null,
    article: art10[lang],
    message: interpolate(messages[code][lang], params),
  };
}

/** The same rule as a guard for a process that writes a quote or contract: refuses with 422 naming `path`. */
export async function assertQuoteLineAllowed(db: DbOrTrx, line: QuoteLine, lang: Lang, path = 'price') {
  const result = await checkQuoteLine(db, line, lang);
  if (result.allowed) return result;
  if (result.code === 'above_display_price') {
    throw new AppError('catalog.price_above_display', {
      params: { price: formatFen(line.price), displayPrice: formatFen(result.displayPrice ?? 0) },
      errors: [{ path, code: result.code, message: result.message }],
    });
  }
  throw new AppError('catalog.fee_not_on_display', {
    errors: [{ path, code: result.code, message: result.message }],
  });
}
