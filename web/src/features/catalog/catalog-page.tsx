import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Segmented, Space, Typography } from 'antd';
import { AppstoreOutlined, DiffOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import type { TrimFilters } from './catalog-api';
import { useBrands, useModels, useTrimList } from './catalog-api';
import { byId, todayLocal } from './catalog-format';
import { TrimCompareDrawer } from './trim-compare-drawer';
import { TrimFiltersBar } from './trim-filters';
import { TrimResults } from './trim-results';
import './catalog.css';
import { ListFooter } from '../../app-shell/list-footer';

/** Sales → Catalogue: find trims by attributes, see today's prices of the store, compare up to four. */
export function CatalogPage() {
  const { t } = useTranslation();
  const { storeId } = useSelectedStore();
  const [filters, setFilters] = useState<TrimFilters>({});
  const [view, setView] = useState<'cards' | 'table'>('cards');
  const [selected, setSelected] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);
  const prices = useMemo(() => ({ storeId, date: todayLocal() }), [storeId]);
  const brands = useBrands();
  const models = useModels();
  const names = useMemo(
    () => ({ brands: byId(brands.data), models: byId(models.data) }),
    [brands.data, models.data],
  );
  const list = useTrimList(filters, prices);
  const trims = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('catalog.title')}
        extra={
          <Space>
            <Segmented<'cards' | 'table'>
              value={view}
              onChange={(v) => setView(v)}
              options={[
                { value: 'cards', icon: <AppstoreOutlined />, label: t('catalog.view.cards') },
                { value: 'table', icon: <UnorderedListOutlined />, label: t('catalog.view.table') },
              ]}
            />
            <Badge count={selected.length} size="small">
              <Button
                type="primary"
                icon={<DiffOutlined />}
                disabled={selected.length < 2}
                onClick={() => setComparing(true)}
              >
                {t('catalog.compare.open')}
              </Button>
            </Badge>
          </Space>
        }
      />
      <div className="fc-panel">
        <TrimFiltersBar value={filters} onChange={setFilters} />
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {storeId ? t('catalog.pricesFor', { date: prices.date }) : t('catalog.noPriceStore')}
          {' · '}
          {t('catalog.compare.hint')}
        </Typography.Paragraph>
        {list.isError && (
          <Alert type="error" showIcon title={describeError(list.error)} style={{ marginBottom: 12 }} />
        )}
        <TrimResults
          trims={trims}
          names={names}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          view={view}
          selected={selected}
          onSelect={setSelected}
        />
        <ListFooter shown={trims.length} list={list} />
      </div>
      <TrimCompareDrawer
        ids={selected}
        open={comparing}
        names={names}
        prices={prices}
        onRemove={(id) => setSelected((s) => s.filter((x) => x !== id))}
        onClose={() => setComparing(false)}
      />
    </>
  );
}
