import type { Energy, FeatureKey } from '../../../common/catalog/catalog.enums';
import { recommendTrims, type TrimCandidate } from '../../../common/crm/recommendation';
import type { RecommendedTrim, Recommendations } from '../../../common/crm/recommendation.schemas';
import { localToday } from '../../../common/rules/civil-date';
import type { DbOrTrx } from '../../db/database';
import { notFound } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { priceInForce } from '../catalog';
import { findStoreRow } from '../identity';
import { assertLeadReach } from './needs.access';
import { findNeedsAnalysis } from './needs-analysis.repo';
import { answersOf } from './needs-analysis.view';
import { optionFacts, stockByTrim, trimFacts } from './recommendation.repo';

/**
 * The trims a store can offer today: the group's active trims with a displayed price on the store's
 * price list in force (orderable), and every trim it has in stock or as a demo car — with their facts,
 * prices and stock counts.
 */
export async function offerableTrims(db: DbOrTrx, groupId: string, storeId: string) {
  const store = await findStoreRow(db, storeId);
  if (!store) throw notFound('store');
  const priceDate = localToday(store.timezone); // the day whose price list is on display
  const priced = await priceInForce(db, storeId, priceDate);
  const prices = new Map(
    (priced?.items ?? [])
      .filter((i) => i.item_kind === 'trim')
      .map((i) => [i.item_ref, { guide: i.guide_price, display: i.display_price }]),
  );
  const stock = await stockByTrim(db, storeId);
  const facts = await trimFacts(db, groupId, [...prices.keys(), ...stock.keys()]);
  const trims = facts.filter((f) => (f.active === 1 && prices.has(f.id)) || (stock.get(f.id) ?? 0) > 0);
  const optionItems = (priced?.items ?? []).filter(
    (i) => i.item_kind === 'option' || i.item_kind === 'accessory',
  );
  const options = (
    await optionFacts(
      db,
      groupId,
      optionItems.map((i) => i.item_ref),
    )
  )
    .filter((o) => o.active === 1)
    .map((o) => ({
      modelId: o.model_id,
      optionId: o.id,
      kind: o.kind as 'factory_option' | 'accessory',
      code: o.code,
      name: o.name,
      nameEn: o.name_en,
      price:
        optionItems.find(
          (i) =>
            i.item_ref === o.id && i.item_kind === (o.kind === 'factory_option' ? 'option' : 'accessory'),
        )?.display_price ?? -1,
    }))
    .filter((o) => o.price >= 0)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  return { priceDate, priceListId: priced?.list.id ?? null, trims, prices, stock, options };
}

/**
 * Recommends trims for a version of a lead's needs (H3.2.1): what the lead's store has in stock or can
 * order, ranked by fit — the fitting ones first, then the others with why they do not fit.
 */
export async function recommendForNeeds(
  db: DbOrTrx,
  actor: Actor,
  needsAnalysisId: string,
  limit: number,
): Promise<Recommendations> {
  const view = await findNeedsAnalysis(db, needsAnalysisId);
  assertLeadReach(
    actor,
    'needs.read',
    view && { group_id: view.group_id, store_id: view.store_id, owner_id: view.lead_owner_id },
    'needs_analysis',
  );
  const offer = await offerableTrims(db, view!.group_id, view!.store_id);
  const byId = new Map(offer.trims.map((t) => [t.id, t]));
  const candidates: TrimCandidate[] = offer.trims.map((t) => ({
    trimId: t.id,
    brandId: t.brand_id,
    bodyType: t.body_type,
    seats: t.seats,
    energy: t.energy as Energy,
    rangeKm: t.range_km,
    features: t.features as FeatureKey[],
    displayPrice: offer.prices.get(t.id)?.display ?? null,
    inStock: offer.stock.get(t.id) ?? 0,
  }));
  const ranked = recommendTrims(answersOf(view!), candidates).slice(0, limit);
  const items = ranked.map((r, i): RecommendedTrim => {
    const t = byId.get(r.trimId)!;
    return {
      rank: i + 1,
      trimId: t.id,
      trimCode: t.code,
      trimName: t.name,
      trimNameEn: t.name_en,
      modelId: t.model_id,
      modelName: t.model_name,
      modelNameEn: t.model_name_en,
      brandId: t.brand_id,
      brandName: t.brand_name,
      brandNameEn: t.brand_name_en,
      bodyType: t.body_type as RecommendedTrim['bodyType'],
      seats: t.seats,
      energy: t.energy as Energy,
      rangeKm: t.range_km,
      features: t.features as FeatureKey[],
      guidePrice: offer.prices.get(t.id)?.guide ?? null,
      displayPrice: offer.prices.get(t.id)?.display ?? null,
      inStock: offer.stock.get(t.id) ?? 0,
      options: offer.options
        .filter((o) => o.modelId === null || o.modelId === t.model_id)
        .map(({ modelId: _m, ...o }) => o),
      fits: r.fits,
      score: r.score,
      reasons: r.reasons.map((x) => ({ code: x.code, kind: x.kind, hard: x.hard, params: x.params })),
    };
  });
  return {
    needsAnalysisId: view!.id,
    storeId: view!.store_id,
    priceDate: offer.priceDate,
    priceListId: offer.priceListId,
    items,
  };
}
