import { App, Button, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/form-errors';
import { ListFooter } from '../../app-shell/list-footer';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { useHealthRecords, useRetryHealthRecord, type HealthRecord } from './service-api';
import { keys } from './service-tags';

const statusColor: Record<string, string> = { pending: 'blue', exported: 'green', failed: 'red' };

/** The repair health-record exports (JT/T 1132): each settled order's record, its state, failures and retry. */
export function HealthRecordsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { storeId } = useSelectedStore();
  const list = useHealthRecords(storeId);
  const retry = useRetryHealthRecord();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('service.health.title')} />
      <Typography.Paragraph type="secondary">{t('service.health.intro')}</Typography.Paragraph>
      <Table<HealthRecord>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('service.health.order'), dataIndex: 'repairOrderNumber' },
          {
            title: t('service.order.vehicle'),
            render: (_: unknown, r) =>
              `${String(r.payload.plateNumber ?? '')} ${String(r.payload.vin ?? '')}`,
          },
          {
            title: t('service.health.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={statusColor[s]}>{t(keys.healthStatus(s))}</Tag>,
          },
          { title: t('service.health.attempts'), dataIndex: 'attempts' },
          {
            title: t('service.health.lastError'),
            dataIndex: 'lastError',
            ellipsis: true,
            render: (e: string | null) => e ?? '—',
          },
          {
            title: t('service.health.exportedAt'),
            dataIndex: 'exportedAt',
            render: (at: string | null) => (at ? new Date(at).toLocaleString() : '—'),
          },
          {
            title: '',
            render: (_: unknown, r) =>
              r.status === 'failed' ? (
                <Button
                  size="small"
                  onClick={() => retry.mutate(r, { onError: (e) => void message.error(describeError(e)) })}
                >
                  {t('service.health.retry')}
                </Button>
              ) : null,
          },
        ]}
      />
      <ListFooter shown={rows.length} list={list} />
    </>
  );
}
