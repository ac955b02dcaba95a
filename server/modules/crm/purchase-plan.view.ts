import type { Energy } from '../../../common/catalog/catalog.enums';
import { quotePlanLine, type PaymentScenario } from '../../../common/crm/purchase-plan.calc';
import type {
  PublicPurchasePlan,
  PurchasePlan,
  PurchasePlanItem,
} from '../../../common/crm/purchase-plan.schemas';
import type { PiiKeys } from '../../platform/pii';
import type { PurchasePlanItemRow, PurchasePlanView } from './purchase-plan.repo';
import { sharePathOf, shareToken } from './purchase-plan.share';

type PlanOption = PurchasePlanItem['options'][number];

/** An alternative as quoted: the prices kept from the plan's day, the costs computed by the shared rule. */
export function toPlanItem(
  r: PurchasePlanItemRow,
  payment: PaymentScenario,
  priceDate: string,
): PurchasePlanItem {
  const options = JSON.parse(r.options_json) as PlanOption[];
  return {
    position: r.position,
    trimId: r.trim_id,
    trimCode: r.trim_code,
    trimName: r.trim_name,
    trimNameEn: r.trim_name_en,
    modelName: r.model_name,
    modelNameEn: r.model_name_en,
    brandName: r.brand_name,
    brandNameEn: r.brand_name_en,
    energy: r.energy as Energy,
    guidePrice: r.guide_price,
    displayPrice: r.display_price,
    options,
    reasons: JSON.parse(r.reasons_json) as PurchasePlanItem['reasons'],
    quote: quotePlanLine(
      { vehiclePrice: r.display_price, energy: r.energy as Energy, options },
      payment,
      priceDate,
    ),
  };
}

/** A name for a page anyone with the link may open: the surname, the rest masked (李** / W** ). */
export const maskName = (name: string) => {
  const chars = [...name.trim()];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 2))}`;
};

/** What the customer sees (share page, PDF): no staff ids, the name masked unless `fullName`. */
export function toPublicPlan(
  r: PurchasePlanView,
  items: PurchasePlanItemRow[],
  fullName = false,
): PublicPurchasePlan {
  const payment = JSON.parse(r.payment_json) as PaymentScenario;
  return {
    number: r.number,
    storeName: r.store_name,
    customerName: fullName ? r.customer_name : maskName(r.customer_name),
    consultantName: r.author_name,
    language: r.language as PublicPurchasePlan['language'],
    priceDate: r.price_date,
    payment,
    items: items.map((i) => toPlanItem(i, payment, r.price_date)),
    note: r.note,
    createdAt: r.created_at,
    shareExpiresAt: r.share_expires_at,
  };
}

export function toPurchasePlan(
  r: PurchasePlanView,
  items: PurchasePlanItemRow[],
  keys: PiiKeys,
): PurchasePlan {
  return {
    ...toPublicPlan(r, items, true),
    id: r.id,
    storeId: r.store_id,
    leadId: r.lead_id,
    leadNumber: r.lead_number,
    customerId: r.customer_id,
    needsAnalysisId: r.needs_analysis_id,
    priceListId: r.price_list_id,
    sharePath: sharePathOf(shareToken(keys, r.id, r.share_nonce)),
    createdBy: r.created_by,
    version: r.version,
    updatedAt: r.updated_at,
  };
}
