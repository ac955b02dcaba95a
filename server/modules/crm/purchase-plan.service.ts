import type { z } from 'zod';
import type { Energy, FeatureKey } from '../../../common/catalog/catalog.enums';
import { assessTrim } from '../../../common/crm/recommendation';
import { paymentProblem } from '../../../common/crm/purchase-plan.calc';
import type {
  createPurchasePlanSchema,
  purchasePlanListQuery,
  PurchasePlan,
} from '../../../common/crm/purchase-plan.schemas';
import { localToday } from '../../../common/rules/civil-date';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict, type FieldError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import type { PiiKeys } from '../../platform/pii';
import { tokenHash } from '../../platform/auth';
import { priceInForce } from '../catalog';
import { findStoreRow } from '../identity';
import { assertLeadReach, loadLeadFor } from './needs.access';
import { findNeedsAnalysis } from './needs-analysis.repo';
import {
  findPurchasePlan,
  findPurchasePlanByTokenHash,
  insertPurchasePlan,
  itemsOfPlans,
  plansWithNames,
  updateShare,
  type PurchasePlanItemRow,
  type PurchasePlanView,
} from './purchase-plan.repo';
import { newShare } from './purchase-plan.share';
import { toPublicPlan, toPurchasePlan } from './purchase-plan.view';
import { answersOf } from './needs-analysis.view';
import { optionFacts, stockByTrim, trimFacts } from './recommendation.repo';
import { recordCustomerEvent } from './timeline.service';

type CreateInput = z.infer<typeof createPurchasePlanSchema>;

const invalid = (errors: FieldError[]) => new AppError('request.invalid', { errors });
const unpriced = (path: string) =>
  new AppError('crm.not_on_price_list', {
    errors: [{ path, code: 'not_on_display', message: "not on the store's price list in force today" }],
  });

/**
 * Turns the consultant's choice into a personalised purchase plan (个性化购车方案, H3.3.2): 1–3 trims
 * with options and accessories, each at the price the store displays today (汽车销售管理办法 Art. 10:
 * nothing that is not on display), and one payment scenario. Numbered PP-YYYY-000001 per store; the
 * customer gets a share link valid 30 days.
 */
export async function createPurchasePlan(
  trx: Trx,
  actor: Actor,
  keys: PiiKeys,
  input: CreateInput,
): Promise<PurchasePlan> {
  const lead = await loadLeadFor(trx, actor, input.leadId, 'plans.manage');
  const needs = input.needsAnalysisId ? await findNeedsAnalysis(trx, input.needsAnalysisId) : undefined;
  if (input.needsAnalysisId && (!needs || needs.lead_id !== lead.id))
    throw invalid([{ path: 'needsAnalysisId', code: 'unknown_needs_analysis', message: 'not of this lead' }]);
  const stock = needs ? await stockByTrim(trx, lead.store_id) : new Map<string, number>();
  const store = (await findStoreRow(trx, lead.store_id))!;
  const priceDate = localToday(store.timezone);
  const priced = await priceInForce(trx, store.id, priceDate);
  if (!priced) throw unpriced('items');
  const price = (kind: string, ref: string) =>
    priced.items.find((i) => i.item_kind === kind && i.item_ref === ref);
  const trims = new Map(
    (
      await trimFacts(
        trx,
        lead.group_id,
        input.items.map((i) => i.trimId),
      )
    ).map((t) => [t.id, t]),
  );
  const options = new Map(
    (
      await optionFacts(
        trx,
        lead.group_id,
        input.items.flatMap((i) => i.optionIds),
      )
    ).map((o) => [o.id, o]),
  );
  const planId = newId();
  const items: PurchasePlanItemRow[] = input.items.map((item, i) => {
    const trim = trims.get(item.trimId);
    if (!trim)
      throw new AppError('catalog.unknown_reference', {
        errors: [{ path: `items.${i}.trimId`, code: 'unknown_trim', message: 'unknown trim' }],
      });
    const trimPrice = price('trim', trim.id);
    if (!trimPrice) throw unpriced(`items.${i}.trimId`);
    const lines = item.optionIds.map((id, j) => {
      const path = `items.${i}.optionIds.${j}`;
      const option = options.get(id);
      if (!option)
        throw new AppError('catalog.unknown_reference', {
          errors: [{ path, code: 'unknown_option', message: 'unknown option' }],
        });
      if (option.model_id !== null && option.model_id !== trim.model_id)
        throw invalid([
          { path, code: 'option_not_for_model', message: 'this option does not fit the model' },
        ]);
      const line = price(option.kind === 'factory_option' ? 'option' : 'accessory', option.id);
      if (!line) throw unpriced(path);
      return {
        optionId: option.id,
        kind: option.kind as 'factory_option' | 'accessory',
        code: option.code,
        name: option.name,
        nameEn: option.name_en,
        price: line.display_price,
      };
    });
    const problem = paymentProblem(
      { vehiclePrice: trimPrice.display_price, energy: trim.energy as Energy, options: lines },
      input.payment,
    );
    if (problem) throw invalid([{ path: 'payment.downPayment', code: 'too_big', message: problem }]);
    return {
      id: newId(),
      plan_id: planId,
      position: i + 1,
      trim_id: trim.id,
      trim_code: trim.code,
      trim_name: trim.name,
      trim_name_en: trim.name_en,
      model_name: trim.model_name,
      model_name_en: trim.model_name_en,
      brand_name: trim.brand_name,
      brand_name_en: trim.brand_name_en,
      energy: trim.energy,
      guide_price: trimPrice.guide_price,
      display_price: trimPrice.display_price,
      options_json: JSON.stringify(lines),
      reasons_json: JSON.stringify(
        needs
          ? assessTrim(answersOf(needs), {
              trimId: trim.id,
              brandId: trim.brand_id,
              bodyType: trim.body_type,
              seats: trim.seats,
              energy: trim.energy as Energy,
              rangeKm: trim.range_km,
              features: trim.features as FeatureKey[],
              displayPrice: trimPrice.display_price,
              inStock: stock.get(trim.id) ?? 0,
            }).reasons
          : [],
      ),
    };
  });
  const now = nowIso();
  await insertPurchasePlan(
    trx,
    {
      id: planId,
      group_id: lead.group_id,
      store_id: store.id,
      number: await nextDocumentNumber(trx, store.id, 'PP', localYear(store.timezone)),
      lead_id: lead.id,
      customer_id: lead.customer_id,
      needs_analysis_id: input.needsAnalysisId ?? null,
      language: input.language,
      price_date: priceDate,
      price_list_id: priced.list.id,
      payment_json: JSON.stringify(input.payment),
      note: input.note ?? null,
      ...newShare(keys, planId),
      created_by: actor.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    },
    items,
  );
  const plan = toPurchasePlan((await findPurchasePlan(trx, planId))!, items, keys);
  const { sharePath: _secret, ...audited } = plan;
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'purchase_plan',
    entityId: planId,
    action: 'create',
    after: audited,
  });
  await recordCustomerEvent(trx, {
    groupId: lead.group_id,
    storeId: store.id,
    customerId: lead.customer_id,
    type: 'crm.purchase_plan.created',
    entity: 'purchase_plan',
    entityId: planId,
    actorId: actor.userId,
    data: {
      number: plan.number,
      leadId: lead.id,
      leadNumber: lead.number,
      trims: plan.items.map((i) => `${i.brandName} ${i.modelName} ${i.trimName}`),
      payment: plan.payment.kind,
    },
  });
  return plan;
}

/** A plan the actor reaches for the action (its lead's reach), with its alternatives. */
export async function loadPlan(db: DbOrTrx, actor: Actor, id: string, action: 'plans.read' | 'plans.manage') {
  const view = await findPurchasePlan(db, id);
  assertLeadReach(
    actor,
    action,
    view && { group_id: view.group_id, store_id: view.store_id, owner_id: view.lead_owner_id },
    'purchase_plan',
  );
  return { view: view!, items: (await itemsOfPlans(db, [id])).get(id) ?? [] };
}

export async function getPurchasePlan(db: DbOrTrx, actor: Actor, keys: PiiKeys, id: string) {
  const { view, items } = await loadPlan(db, actor, id, 'plans.read');
  return toPurchasePlan(view, items, keys);
}

/** Plans in reach, newest first; by lead or customer. */
export async function listPurchasePlans(
  db: DbOrTrx,
  actor: Actor,
  keys: PiiKeys,
  query: z.infer<typeof purchasePlanListQuery>,
) {
  const reach = requirePermission(actor, 'plans.read');
  if (reach.scope === 'store' && reach.storeIds.length === 0) return { items: [], nextCursor: null };
  let q = plansWithNames(db).where('purchase_plans.group_id', '=', reach.groupId);
  if (reach.scope === 'store') q = q.where('purchase_plans.store_id', 'in', reach.storeIds);
  if (reach.scope === 'own') q = q.where('leads.owner_id', '=', reach.userId);
  if (query.leadId) q = q.where('purchase_plans.lead_id', '=', query.leadId);
  if (query.customerId) q = q.where('purchase_plans.customer_id', '=', query.customerId);
  const sort = { column: 'purchase_plans.id', direction: 'desc' as const, field: 'id' };
  const rows = await applyPage(q, sort, 'purchase_plans.id', query.limit, query.cursor).execute();
  const items = await itemsOfPlans(
    db,
    rows.map((r) => r.id),
  );
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => r.id,
    (r: PurchasePlanView) => toPurchasePlan(r, items.get(r.id) ?? [], keys),
  );
}

/** Issues a new share link valid 30 days from now; the old link stops working at once. */
export async function renewPlanShare(trx: Trx, actor: Actor, keys: PiiKeys, id: string, version: number) {
  const { view } = await loadPlan(trx, actor, id, 'plans.manage');
  if (!(await updateShare(trx, id, version, newShare(keys, id)))) throw versionConflict(view.version);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: view.store_id,
    entity: 'purchase_plan',
    entityId: id,
    action: 'renew_share',
    before: { shareExpiresAt: view.share_expires_at },
  });
  return getPurchasePlan(trx, actor, keys, id);
}

/** The plan behind a share link, for anyone holding it, until the link expires (then: 404). */
export async function loadSharedPlan(db: DbOrTrx, token: string) {
  const view = await findPurchasePlanByTokenHash(db, tokenHash(token));
  if (!view || Date.parse(view.share_expires_at) <= Date.now()) throw notFound('purchase_plan');
  const items = (await itemsOfPlans(db, [view.id])).get(view.id) ?? [];
  return { view, items, plan: toPublicPlan(view, items) };
}
