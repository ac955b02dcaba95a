import type { TFunction } from 'i18next';
import { defaultPdiItems, deliveryDocuments } from '@common/sales/delivery.checklist';

type DefaultPdi = (typeof defaultPdiItems)[number];
type DocumentKey = (typeof deliveryDocuments)[number];

/** A PDI item: the default items are translated; a store's own items show as the store wrote them. */
export function pdiItemLabel(t: TFunction, item: string): string {
  return (defaultPdiItems as readonly string[]).includes(item)
    ? t(`sales.pdiItems.${item as DefaultPdi}`)
    : item;
}

export function documentLabel(t: TFunction, document: string): string {
  return (deliveryDocuments as readonly string[]).includes(document)
    ? t(`sales.documents.${document as DocumentKey}`)
    : document;
}

/** 三包凭证 使用补偿系数: the per cent a person types (0.5) as the fraction the API stores (0.005), and back. */
export const rateOfPercent = (percent: number) => Math.round(percent * 1000) / 100_000;
export const percentOfRate = (rate: number) => Math.round(rate * 100_000) / 1000;
