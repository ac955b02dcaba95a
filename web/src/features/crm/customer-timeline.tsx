import { Button, Empty, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@common/crm/customer.schemas';
import { formatInstant } from '../identity/format';
import { useTimeline } from './customers-api';

/** One line per event; other modules' event types fall back to their type name until they add a label. */
function describe(t: (key: string, o?: Record<string, unknown>) => string, e: TimelineEntry): string {
  const key = `customers.events.${e.type.replace(/\./g, '_')}`;
  const text = t(key, { ...e.data, defaultValue: e.type });
  return text;
}

export function CustomerTimeline({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(customerId);
  if (timeline.isLoading) return <Spin />;
  const entries = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  if (!entries.length) return <Empty description={t('common.noData')} />;
  return (
    <>
      <Timeline
        items={entries.map((e) => ({
          key: e.id,
          children: (
            <>
              <div>{describe(t as never, e)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatInstant(e.at)} · {e.actorName ?? t('customers.system')}
              </Typography.Text>
            </>
          ),
        }))}
      />
      {timeline.hasNextPage && (
        <Button size="small" onClick={() => void timeline.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
