import type { TFunction } from 'i18next';
import type { Trim } from '@common/catalog/trim.schemas';
import type { FeatureKey } from '@common/catalog/catalog.enums';
import { comfortFeatures, safetyFeatures } from '@common/catalog/catalog.enums';
import type { CatalogNames } from './catalog-format';
import { formatMoney, localName } from './catalog-format';

export interface AttributeRow {
  key: string;
  label: string;
  /** Group heading in the comparison: specs, features, colours, prices. */
  section: 'specs' | 'safety' | 'comfort' | 'colours' | 'prices';
  value: (trim: Trim) => string;
}

function unit(t: TFunction, key: 'kw' | 'nm' | 'ml' | 'kwh' | 'km' | 'fuel' | 'mm', value: number | null) {
  if (value === null) return '—';
  return t(`catalog.units.${key}`, { value: value.toLocaleString() });
}

/** 1 decimal from tenths, without floating-point noise: 65 → '6.5'. */
function tenths(value: number | null): number | null {
  return value === null ? null : Math.round(value) / 10;
}

export function energyLabel(t: TFunction, trim: Pick<Trim, 'energy'>): string {
  return t(`catalog.energies.${trim.energy}`);
}

export function featureLabel(t: TFunction, key: FeatureKey): string {
  return t(`catalog.features.${key}`);
}

function coloursOf(trim: Trim, kind: 'exterior' | 'interior'): string {
  const list = trim.colours.filter((c) => c.kind === kind).map((c) => `${localName(c)} (${c.code})`);
  return list.length > 0 ? list.join('、') : '—';
}

/** Every attribute a customer compares, in the order of the comparison table. */
export function attributeRows(t: TFunction, names: CatalogNames): AttributeRow[] {
  const spec = (key: string, label: string, value: (trim: Trim) => string): AttributeRow => ({
    key,
    label,
    section: 'specs',
    value,
  });
  return [
    spec('brand', t('catalog.fields.brand'), (x) => localName(names.brands.get(x.brandId))),
    spec('model', t('catalog.fields.model'), (x) => localName(names.models.get(x.modelId))),
    spec('modelYear', t('catalog.fields.modelYear'), (x) => String(x.modelYear)),
    spec('bodyType', t('catalog.fields.bodyType'), (x) => t(`catalog.bodyTypes.${x.bodyType}`)),
    spec('seats', t('catalog.fields.seats'), (x) => String(x.seats)),
    spec('energy', t('catalog.fields.energy'), (x) => energyLabel(t, x)),
    spec('nev', t('catalog.fields.nev'), (x) => (x.isNev ? t('common.yes') : t('common.no'))),
    spec('drivetrain', t('catalog.fields.drivetrain'), (x) => t(`catalog.drivetrains.${x.drivetrain}`)),
    spec('transmission', t('catalog.fields.transmission'), (x) =>
      t(`catalog.transmissions.${x.transmission}`),
    ),
    spec('powerKw', t('catalog.fields.power'), (x) => unit(t, 'kw', x.powerKw)),
    spec('torqueNm', t('catalog.fields.torque'), (x) => unit(t, 'nm', x.torqueNm)),
    spec('displacementMl', t('catalog.fields.displacement'), (x) => unit(t, 'ml', x.displacementMl)),
    spec('batteryWh', t('catalog.fields.battery'), (x) =>
      unit(t, 'kwh', x.batteryWh === null ? null : Math.round(x.batteryWh / 100) / 10),
    ),
    spec('rangeKm', t('catalog.fields.range'), (x) => unit(t, 'km', x.rangeKm)),
    spec('fuel', t('catalog.fields.fuel'), (x) => unit(t, 'fuel', tenths(x.fuelLPer100kmX10))),
    spec('lengthMm', t('catalog.fields.length'), (x) => unit(t, 'mm', x.lengthMm)),
    spec('wheelbaseMm', t('catalog.fields.wheelbase'), (x) => unit(t, 'mm', x.wheelbaseMm)),
    ...safetyFeatures.map((f): AttributeRow => ({
      key: f,
      label: featureLabel(t, f),
      section: 'safety',
      value: (x) => (x.features.includes(f) ? '✓' : '—'),
    })),
    ...comfortFeatures.map((f): AttributeRow => ({
      key: f,
      label: featureLabel(t, f),
      section: 'comfort',
      value: (x) => (x.features.includes(f) ? '✓' : '—'),
    })),
    {
      key: 'exterior',
      label: t('catalog.fields.exteriorColours'),
      section: 'colours',
      value: (x) => coloursOf(x, 'exterior'),
    },
    {
      key: 'interior',
      label: t('catalog.fields.interiorColours'),
      section: 'colours',
      value: (x) => coloursOf(x, 'interior'),
    },
    {
      key: 'guidePrice',
      label: t('catalog.fields.guidePrice'),
      section: 'prices',
      value: (x) => formatMoney(x.guidePrice),
    },
    {
      key: 'displayPrice',
      label: t('catalog.fields.displayPrice'),
      section: 'prices',
      value: (x) => formatMoney(x.displayPrice),
    },
  ];
}
