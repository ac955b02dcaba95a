import { Card, Checkbox, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Trim } from '@common/catalog/trim.schemas';
import type { CatalogNames } from './catalog-format';
import { formatMoney, localName } from './catalog-format';
import { energyLabel } from './trim-attributes';

export const maxCompared = 4;

interface Props {
  trims: Trim[];
  names: CatalogNames;
  loading: boolean;
  view: 'cards' | 'table';
  selected: string[];
  onSelect: (ids: string[]) => void;
}

function EnergyTag({ trim }: { trim: Trim }) {
  const { t } = useTranslation();
  return <Tag color={trim.isNev ? 'green' : 'default'}>{energyLabel(t, trim)}</Tag>;
}

function toggle(selected: string[], id: string, on: boolean): string[] {
  if (!on) return selected.filter((x) => x !== id);
  return selected.includes(id) || selected.length >= maxCompared ? selected : [...selected, id];
}

function TrimCard({
  trim,
  names,
  checked,
  full,
  onCheck,
}: {
  trim: Trim;
  names: CatalogNames;
  checked: boolean;
  full: boolean;
  onCheck: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const specs = [
    t(`catalog.bodyTypes.${trim.bodyType}`),
    t('catalog.units.seats', { count: trim.seats }),
    t('catalog.units.kw', { value: trim.powerKw }),
    trim.rangeKm ? t('catalog.units.km', { value: trim.rangeKm }) : null,
    t(`catalog.drivetrains.${trim.drivetrain}`),
  ].filter(Boolean);
  return (
    <Card size="small" className={checked ? 'fc-trim-card fc-trim-card-selected' : 'fc-trim-card'}>
      <Typography.Text type="secondary">
        {localName(names.brands.get(trim.brandId))} {localName(names.models.get(trim.modelId))}
      </Typography.Text>
      <div className="fc-trim-card-title">{localName(trim)}</div>
      <Space size={4} wrap style={{ marginBottom: 8 }}>
        <EnergyTag trim={trim} />
        <Tag>{trim.modelYear}</Tag>
      </Space>
      <div className="fc-trim-card-specs">{specs.join(' · ')}</div>
      <div className="fc-trim-card-prices">
        <span>
          {t('catalog.fields.guidePrice')} <b>{formatMoney(trim.guidePrice)}</b>
        </span>
        <span>
          {t('catalog.fields.displayPrice')} <b>{formatMoney(trim.displayPrice)}</b>
        </span>
      </div>
      <Tooltip title={!checked && full ? t('catalog.compareMax') : undefined}>
        <Checkbox checked={checked} disabled={!checked && full} onChange={(e) => onCheck(e.target.checked)}>
          {t('catalog.selectToCompare')}
        </Checkbox>
      </Tooltip>
    </Card>
  );
}

/** Matching trims as cards or as a table; up to four are picked for the comparison. */
export function TrimResults({ trims, names, loading, view, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const full = selected.length >= maxCompared;
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.empty')} />;

  if (view === 'cards') {
    if (!loading && trims.length === 0) return empty;
    return (
      <div className="fc-trim-grid">
        {trims.map((trim) => (
          <TrimCard
            key={trim.id}
            trim={trim}
            names={names}
            checked={selected.includes(trim.id)}
            full={full}
            onCheck={(on) => onSelect(toggle(selected, trim.id, on))}
          />
        ))}
      </div>
    );
  }

  const columns: TableColumnsType<Trim> = [
    {
      title: t('catalog.fields.trim'),
      key: 'trim',
      render: (_, trim) => (
        <div>
          <div>{localName(trim)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {localName(names.brands.get(trim.brandId))} {localName(names.models.get(trim.modelId))}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('catalog.fields.modelYear'), dataIndex: 'modelYear', width: 80 },
    {
      title: t('catalog.fields.energy'),
      key: 'energy',
      width: 150,
      render: (_, x) => <EnergyTag trim={x} />,
    },
    {
      title: t('catalog.fields.bodyType'),
      dataIndex: 'bodyType',
      width: 90,
      render: (b: Trim['bodyType']) => t(`catalog.bodyTypes.${b}`),
    },
    { title: t('catalog.fields.seats'), dataIndex: 'seats', width: 70 },
    { title: t('catalog.fields.power'), dataIndex: 'powerKw', width: 100, render: (v: number) => `${v} kW` },
    {
      title: t('catalog.fields.range'),
      dataIndex: 'rangeKm',
      width: 100,
      render: (v: number | null) => (v ? `${v} km` : '—'),
    },
    {
      title: t('catalog.fields.drivetrain'),
      dataIndex: 'drivetrain',
      width: 100,
      render: (d: Trim['drivetrain']) => t(`catalog.drivetrains.${d}`),
    },
    {
      title: t('catalog.fields.guidePrice'),
      dataIndex: 'guidePrice',
      align: 'right',
      width: 130,
      render: (v: number | null) => formatMoney(v),
    },
    {
      title: t('catalog.fields.displayPrice'),
      dataIndex: 'displayPrice',
      align: 'right',
      width: 130,
      render: (v: number | null) => formatMoney(v),
    },
  ];
  return (
    <Table<Trim>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={trims}
      loading={loading}
      pagination={false}
      scroll={{ x: 1100 }}
      locale={{ emptyText: empty }}
      rowSelection={{
        selectedRowKeys: selected,
        hideSelectAll: true,
        columnTitle: t('catalog.selectToCompare'),
        columnWidth: 70,
        getCheckboxProps: (trim) => ({ disabled: full && !selected.includes(trim.id) }),
        onSelect: (trim, on) => onSelect(toggle(selected, trim.id, on)),
      }}
    />
  );
}
