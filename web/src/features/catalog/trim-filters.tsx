import { useState } from 'react';
import { Button, Input, InputNumber, Select } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  bodyTypes,
  comfortFeatures,
  drivetrains,
  energies,
  safetyFeatures,
} from '@common/catalog/catalog.enums';
import type { TrimFilters } from './catalog-api';
import { useBrands } from './catalog-api';
import { localName } from './catalog-format';

interface Props {
  value: TrimFilters;
  onChange: (next: TrimFilters) => void;
}

/** The catalogue's attribute filters: every change searches at once. */
export function TrimFiltersBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const brands = useBrands();
  const [search, setSearch] = useState(value.q ?? '');
  const set = (patch: Partial<TrimFilters>) => onChange({ ...value, ...patch });
  const number = (label: string, key: 'seatsMin' | 'powerKwMin' | 'rangeKmMin', width = 150) => (
    <InputNumber
      aria-label={label}
      placeholder={label}
      min={0}
      value={value[key] ?? null}
      onChange={(n) => set({ [key]: n ?? null })}
      style={{ width }}
    />
  );

  return (
    <div className="fc-toolbar">
      <Input.Search
        allowClear
        aria-label={t('common.search')}
        placeholder={t('catalog.searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onSearch={(q) => set({ q: q.trim() || undefined })}
        style={{ width: 240 }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('catalog.fields.brand')}
        placeholder={t('catalog.filters.allBrands')}
        value={value.brandId}
        onChange={(brandId?: string) => set({ brandId })}
        options={(brands.data ?? []).map((b) => ({ value: b.id, label: localName(b) }))}
        style={{ width: 150 }}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        aria-label={t('catalog.fields.energy')}
        placeholder={t('catalog.filters.allEnergies')}
        value={value.energy ?? []}
        onChange={(energy: string[]) => set({ energy })}
        options={energies.map((e) => ({ value: e, label: t(`catalog.energies.${e}`) }))}
        style={{ width: 200 }}
      />
      <Select
        allowClear
        aria-label={t('catalog.fields.nev')}
        placeholder={t('catalog.filters.nevAny')}
        value={value.nev}
        onChange={(nev?: 'true' | 'false') => set({ nev })}
        options={[
          { value: 'true', label: t('catalog.filters.nevOnly') },
          { value: 'false', label: t('catalog.filters.nonNev') },
        ]}
        style={{ width: 140 }}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        aria-label={t('catalog.fields.bodyType')}
        placeholder={t('catalog.filters.allBodyTypes')}
        value={value.bodyType ?? []}
        onChange={(bodyType: string[]) => set({ bodyType })}
        options={bodyTypes.map((b) => ({ value: b, label: t(`catalog.bodyTypes.${b}`) }))}
        style={{ width: 180 }}
      />
      <Select
        allowClear
        aria-label={t('catalog.fields.drivetrain')}
        placeholder={t('catalog.filters.allDrivetrains')}
        value={value.drivetrain}
        onChange={(drivetrain?: string) => set({ drivetrain })}
        options={drivetrains.map((d) => ({ value: d, label: t(`catalog.drivetrains.${d}`) }))}
        style={{ width: 150 }}
      />
      {number(t('catalog.filters.seatsMin'), 'seatsMin', 110)}
      {number(t('catalog.filters.powerMin'), 'powerKwMin')}
      {number(t('catalog.filters.rangeMin'), 'rangeKmMin')}
      <Select
        mode="multiple"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('catalog.fields.features')}
        placeholder={t('catalog.filters.features')}
        value={value.features ?? []}
        onChange={(features: string[]) => set({ features })}
        options={[
          {
            label: t('catalog.fields.safety'),
            options: safetyFeatures.map((f) => ({ value: f, label: t(`catalog.features.${f}`) })),
          },
          {
            label: t('catalog.fields.comfort'),
            options: comfortFeatures.map((f) => ({ value: f, label: t(`catalog.features.${f}`) })),
          },
        ]}
        style={{ minWidth: 280, flex: 1 }}
      />
      <Button
        icon={<ClearOutlined />}
        onClick={() => {
          setSearch('');
          onChange({});
        }}
      >
        {t('common.reset')}
      </Button>
    </div>
  );
}
