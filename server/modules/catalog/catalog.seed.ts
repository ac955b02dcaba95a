import { createTrimSchema, type ColourInput } from '../../../common/catalog/trim.schemas';
import type { Db, Trx } from '../../db/database';
import { newId, nowIso } from '../../platform/ids';
import { localYear } from '../../platform/numbering';
import { findBrandByCode, insertBrand } from './brand.repo';
import {
  featureGroups,
  seedAccessoryTable,
  seedBrandTable,
  seedColourTable,
  seedFeeTable,
  seedModelTable,
  seedOptionTable,
  seedTrimTable,
} from './catalog-seed.data';
import { findModelByCode, insertModel } from './model.repo';
import { findOptionByCode, insertOption } from './option.repo';
import { findPriceListByName, insertPriceList, replaceItems, type PriceItemRow } from './price-list.repo';
import { insertColours, replaceFeatures } from './trim-parts.repo';
import { findTrimsByCode, insertTrim } from './trim.repo';
import { fullAttributeColumns } from './trim.rules';

const table = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('|').map((f) => f.trim()));
const wan = (v: string) => Math.round(Number(v) * 1_000_000); // 万元 → 分
const num = (v: string | undefined) => (v === undefined || v === '-' ? null : Number(v));
const at = (fields: string[], i: number) => fields[i] ?? '';

/**
 * Loads the demo catalogue into a dealer group — brands incl. new-energy brands, series with their 三包
 * terms, dozens of trims with features and colours, factory options and accessories — and a published
 * price list per store (guide and display prices, the fee schedule). Running it twice adds nothing twice.
 */
export async function seedCatalog(db: Db, groupId: string, storeIds: string[]) {
  const added = { brands: 0, models: 0, trims: 0, options: 0, priceLists: 0 };
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const stamp = { active: 1, version: 1, created_at: now, updated_at: now };
    const brandIds = new Map<string, string>();
    for (const [code, name, nameEn, country] of table(seedBrandTable)) {
      let brand = await findBrandByCode(trx, groupId, code!);
      if (!brand) {
        brand = {
          id: newId(),
          group_id: groupId,
          code: code!,
          name: name!,
          name_en: nameEn!,
          country: country!,
          ...stamp,
        };
        await insertBrand(trx, brand);
        added.brands++;
      }
      brandIds.set(code!, brand.id);
    }
    const modelIds = new Map<string, { id: string; brandCode: string }>();
    for (const f of table(seedModelTable)) {
      const [months, km] = at(f, 5).split(' ');
      let model = await findModelByCode(trx, groupId, at(f, 1));
      if (!model) {
        model = {
          id: newId(),
          group_id: groupId,
          brand_id: brandIds.get(at(f, 0))!,
          code: at(f, 1),
          name: at(f, 2),
          name_en: at(f, 3),
          segment: at(f, 4),
          three_guarantee_months: 24,
          three_guarantee_km: 50_000,
          warranty_months: num(months) ?? 36,
          warranty_km: num(km) ?? 100_000,
          compensation_rate_ppm: 5000,
          ...stamp,
        };
        await insertModel(trx, model);
        added.models++;
      }
      modelIds.set(at(f, 1), { id: model.id, brandCode: at(f, 0) });
    }
    const colours = new Map<string, ColourInput[]>();
    for (const [brandCode, kind, code, name, nameEn, hex] of table(seedColourTable)) {
      const list = colours.get(brandCode!) ?? [];
      list.push({ kind: kind as ColourInput['kind'], code: code!, name: name!, nameEn: nameEn!, hex: hex! });
      colours.set(brandCode!, list);
    }
    const trims = table(seedTrimTable);
    const existing = await findTrimsByCode(
      trx,
      groupId,
      trims.map((f) => at(f, 1)),
    );
    const trimPrices: { id: string; guide: number }[] = [];
    for (const f of trims) {
      const model = modelIds.get(at(f, 0))!;
      const [bodyType, seats, energy, drivetrain, transmission] = at(f, 4).split(' ');
      const [powerKw, torqueNm, displacementMl, batteryWh, rangeKm, fuel, lengthMm, wheelbaseMm] = at(f, 5)
        .split(' ')
        .map(num);
      const features = at(f, 6)
        .split(' ')
        .flatMap((k) => featureGroups[k] ?? [k]);
      const old = existing.get(at(f, 1));
      if (old) {
        trimPrices.push({ id: old.id, guide: wan(at(f, 7)) });
        continue;
      }
      // the demo data passes the same validation as the API
      const input = createTrimSchema.parse({
        modelId: model.id,
        code: at(f, 1),
        name: at(f, 2),
        nameEn: at(f, 3),
        modelYear: 2026,
        bodyType,
        seats: Number(seats),
        energy,
        drivetrain,
        transmission,
        powerKw,
        torqueNm,
        displacementMl,
        batteryWh,
        rangeKm,
        fuelLPer100kmX10: fuel,
        lengthMm,
        wheelbaseMm,
        features: [...new Set(features)],
        colours: colours.get(model.brandCode) ?? [],
      });
      const id = newId();
      await insertTrim(trx, {
        id,
        group_id: groupId,
        model_id: model.id,
        code: input.code,
        name: input.name,
        name_en: input.nameEn,
        ...fullAttributeColumns(input),
        ...stamp,
      });
      await replaceFeatures(trx, id, input.features);
      await insertColours(
        trx,
        input.colours.map((c) => ({
          id: newId(),
          trim_id: id,
          kind: c.kind,
          code: c.code,
          name: c.name,
          name_en: c.nameEn,
          hex: c.hex ?? null,
        })),
      );
      trimPrices.push({ id, guide: wan(at(f, 7)) });
      added.trims++;
    }
    const optionPrices: { id: string; kind: 'option' | 'accessory'; price: number }[] = [];
    const options = [
      ...table(seedOptionTable).map((f) => ({
        modelCode: at(f, 0),
        code: at(f, 1),
        name: at(f, 2),
        nameEn: at(f, 3),
        price: at(f, 4),
        kind: 'factory_option',
      })),
      ...table(seedAccessoryTable).map((f) => ({
        modelCode: '',
        code: at(f, 0),
        name: at(f, 1),
        nameEn: at(f, 2),
        price: at(f, 3),
        kind: 'accessory',
      })),
    ];
    for (const o of options) {
      let row = await findOptionByCode(trx, groupId, o.code);
      if (!row) {
        row = {
          id: newId(),
          group_id: groupId,
          model_id: modelIds.get(o.modelCode)?.id ?? null,
          kind: o.kind,
          code: o.code,
          name: o.name,
          name_en: o.nameEn,
          ...stamp,
        };
        await insertOption(trx, row);
        added.options++;
      }
      optionPrices.push({
        id: row.id,
        kind: o.kind === 'accessory' ? 'accessory' : 'option',
        price: wan(o.price),
      });
    }
    added.priceLists += await seedPriceLists(trx, storeIds, trimPrices, optionPrices);
  });
  return added;
}

/** A published price list per store from 1 January: display = guide, or 2 % under it in every other store. */
async function seedPriceLists(
  trx: Trx,
  storeIds: string[],
  trims: { id: string; guide: number }[],
  options: { id: string; kind: 'option' | 'accessory'; price: number }[],
) {
  const year = localYear('Asia/Shanghai');
  const name = `${year} 年度价目表`;
  let added = 0;
  for (const [i, storeId] of storeIds.entries()) {
    if (await findPriceListByName(trx, storeId, name)) continue;
    const now = nowIso();
    const id = newId();
    await insertPriceList(trx, {
      id,
      store_id: storeId,
      name,
      effective_from: `${year}-01-01`,
      effective_to: null,
      status: 'published',
      version: 1,
      created_by: null,
      created_at: now,
      updated_at: now,
    });
    const line = (
      kind: string,
      ref: string,
      display: number,
      guide: number | null,
      label: string | null = null,
    ): PriceItemRow => ({
      id: newId(),
      price_list_id: id,
      item_kind: kind,
      item_ref: ref,
      name: label,
      guide_price: guide,
      display_price: display,
    });
    // 2 % under guide, rounded down to 100 yuan
    const display = (guide: number) => (i % 2 === 0 ? guide : Math.floor((guide * 0.98) / 10_000) * 10_000);
    await replaceItems(trx, id, [
      ...trims.map((t) => line('trim', t.id, display(t.guide), t.guide)),
      ...options.map((o) => line(o.kind, o.id, o.price, o.kind === 'option' ? o.price : null)),
      ...table(seedFeeTable).map((f) => line('fee', at(f, 0), wan(at(f, 2)), null, at(f, 1))),
    ]);
    added++;
  }
  return added;
}
