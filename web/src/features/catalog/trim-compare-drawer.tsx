import { useMemo, useState } from 'react';
import { Alert, Button, Drawer, Spin, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Trim } from '@common/catalog/trim.schemas';
import { describeError } from '../../api/form-errors';
import type { PriceContext } from './catalog-api';
import { useTrimComparison } from './catalog-api';
import type { CatalogNames } from './catalog-format';
import { localName } from './catalog-format';
import type { AttributeRow } from './trim-attributes';
import { attributeRows } from './trim-attributes';

interface Row {
  key: string;
  label: string;
  heading?: boolean;
  values: string[];
  differs: boolean;
}

const sections = ['specs', 'safety', 'comfort', 'colours', 'prices'] as const;

function buildRows(defs: AttributeRow[], trims: Trim[], headings: Record<string, string>): Row[] {
  return sections.flatMap((section) => {
    const rows = defs
      .filter((d) => d.section === section)
      .map((d): Row => {
        const values = trims.map((trim) => d.value(trim));
        return { key: d.key, label: d.label, values, differs: new Set(values).size > 1 };
      });
    return [
      { key: `h-${section}`, label: headings[section] ?? section, heading: true, values: [], differs: false },
      ...rows,
    ];
  });
}

/** Two to four trims side by side: every attribute, features as ✓/—, colours and prices; differences highlighted. */
export function TrimCompareDrawer({
  ids,
  open,
  names,
  prices,
  onRemove,
  onClose,
}: {
  ids: string[];
  open: boolean;
  names: CatalogNames;
  prices: PriceContext;
  onRemove: (id: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const comparison = useTrimComparison(ids, prices, open);
  const trims = useMemo(() => comparison.data?.items ?? [], [comparison.data]);

  const rows = useMemo(() => {
    const headings = {
      specs: t('catalog.compare.specs'),
      safety: t('catalog.fields.safety'),
      comfort: t('catalog.fields.comfort'),
      colours: t('catalog.fields.colours'),
      prices: t('catalog.compare.prices'),
    };
    const all = buildRows(attributeRows(t, names), trims, headings);
    if (!onlyDifferences) return all;
    // Keep a section heading only when a row of its section differs.
    return all.filter((row, i) => {
      if (!row.heading) return row.differs;
      const next = all.findIndex((r, j) => j > i && r.heading);
      return all.slice(i + 1, next < 0 ? undefined : next).some((r) => r.differs);
    });
  }, [t, names, trims, onlyDifferences]);

  const columns: TableColumnsType<Row> = [
    {
      title: t('catalog.compare.attribute'),
      dataIndex: 'label',
      width: 190,
      fixed: 'left',
      onCell: (row) => (row.heading ? { colSpan: trims.length + 1 } : {}),
      render: (label: string, row) =>
        row.heading ? <Typography.Text strong>{label}</Typography.Text> : label,
    },
    ...trims.map((trim, i): TableColumnsType<Row>[number] => ({
      key: trim.id,
      title: (
        <div className="fc-compare-head">
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {localName(names.brands.get(trim.brandId))} {localName(names.models.get(trim.modelId))}
            </Typography.Text>
            <div>{localName(trim)}</div>
          </div>
          <Button
            type="text"
            size="small"
            icon={<CloseOutlined />}
            aria-label={t('catalog.compare.remove', { name: localName(trim) })}
            onClick={() => onRemove(trim.id)}
          />
        </div>
      ),
      onCell: (row) => (row.heading ? { colSpan: 0 } : {}),
      render: (_, row) => {
        const value = row.values[i] ?? '';
        if (value === '✓') return <span className="fc-compare-yes">✓</span>;
        return value;
      },
    })),
  ];

  const differing = rows.filter((r) => r.differs).length;
  return (
    <Drawer title={t('catalog.compare.title')} open={open} onClose={onClose} size="min(1200px, 96vw)">
      {ids.length < 2 && <Alert type="info" showIcon title={t('catalog.compare.hint')} />}
      {comparison.isFetching && !comparison.data && <Spin />}
      {comparison.isError && <Alert type="error" showIcon title={describeError(comparison.error)} />}
      {trims.length >= 2 && (
        <>
          <div className="fc-toolbar" style={{ alignItems: 'center' }}>
            <Switch checked={onlyDifferences} onChange={setOnlyDifferences} />
            <span>{t('catalog.compare.onlyDifferences')}</span>
            <Tag color="gold" variant="filled">
              {t('catalog.compare.differs', { count: differing })}
            </Tag>
          </div>
          <Table<Row>
            size="small"
            rowKey="key"
            bordered
            pagination={false}
            columns={columns}
            dataSource={rows}
            scroll={{ x: 190 + trims.length * 220 }}
            rowClassName={(row) =>
              row.heading ? 'fc-compare-heading' : row.differs ? 'fc-compare-diff' : ''
            }
          />
        </>
      )}
    </Drawer>
  );
}
