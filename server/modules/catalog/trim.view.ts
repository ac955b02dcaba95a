import type { Trim } from '../../../common/catalog/trim.schemas';
import type { FeatureKey } from '../../../common/catalog/catalog.enums';
import type { TrimParts } from './trim-parts.repo';
import type { TrimWithBrand } from './trim.repo';

export interface TrimPrice {
  guidePrice: number | null;
  displayPrice: number;
}

/** The API shape of a trim: attributes, features, colours and media, and its prices in force when asked. */
export function toTrim(r: TrimWithBrand, parts: TrimParts, price?: TrimPrice | null): Trim {
  return {
    id: r.id,
    modelId: r.model_id,
    brandId: r.brand_id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    modelYear: r.model_year,
    bodyType: r.body_type as Trim['bodyType'],
    seats: r.seats,
    energy: r.energy as Trim['energy'],
    drivetrain: r.drivetrain as Trim['drivetrain'],
    transmission: r.transmission as Trim['transmission'],
    powerKw: r.power_kw,
    torqueNm: r.torque_nm,
    displacementMl: r.displacement_ml,
    batteryWh: r.battery_wh,
    rangeKm: r.range_km,
    fuelLPer100kmX10: r.fuel_l_per_100km_x10,
    lengthMm: r.length_mm,
    wheelbaseMm: r.wheelbase_mm,
    features: (parts.features.get(r.id) ?? []) as FeatureKey[],
    isNev: r.is_nev === 1,
    guidePrice: price?.guidePrice ?? null,
    displayPrice: price?.displayPrice ?? null,
    colours: (parts.colours.get(r.id) ?? []).map((c) => ({
      id: c.id,
      kind: c.kind as 'exterior' | 'interior',
      code: c.code,
      name: c.name,
      nameEn: c.name_en,
      hex: c.hex,
    })),
    media: (parts.media.get(r.id) ?? []).map((m) => ({
      id: m.id,
      kind: m.kind as Trim['media'][number]['kind'],
      url: m.url,
      title: m.title,
      sort: m.sort,
    })),
    active: r.active === 1,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
