import { Alert, Button, Empty, Spin, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { vehicleStatuses } from '@common/vehicles/vehicle.status';
import type { VehicleStatus } from '@common/vehicles/vehicle.status';
import { describeError } from '../../api/form-errors';
import { formatInstant } from '../identity/format';
import { StatusTag, statusColor } from './vehicle-tags';
import type { VehicleHistoryEntry } from './vehicles-api';
import { useVehicleHistory } from './vehicles-api';

const knownActions = [
  'create',
  'update',
  'ship',
  'receive',
  'reserve',
  'release',
  'reservation_expired',
  'to_demo',
  'from_demo',
  'transfer_out',
  'transfer_in',
  'transfer_cancel',
  'sell',
  'deliver',
] as const;

function isStatus(s: string | null): s is VehicleStatus {
  return s !== null && (vehicleStatuses as readonly string[]).includes(s);
}

function actionLabel(t: TFunction, action: string): string {
  return (knownActions as readonly string[]).includes(action)
    ? t(`stock.historyActions.${action as (typeof knownActions)[number]}`)
    : action;
}

/** The facts a change carries besides the status: deal, expiry, transfer, note. */
function details(t: TFunction, entry: VehicleHistoryEntry): string[] {
  const c = entry.changes ?? {};
  const out: string[] = [];
  if (typeof c.dealId === 'string') out.push(t('stock.history.deal', { deal: c.dealId }));
  if (typeof c.until === 'string') out.push(t('stock.history.until', { at: formatInstant(c.until) }));
  if (typeof c.transfer === 'string') out.push(t('stock.history.transfer', { number: c.transfer }));
  if (typeof c.note === 'string') out.push(c.note);
  return out;
}

/** Every status change of the vehicle, who and when, oldest first. */
export function VehicleHistory({ vehicleId }: { vehicleId: string }) {
  const { t } = useTranslation();
  const history = useVehicleHistory(vehicleId);
  const entries = history.data?.pages.flatMap((p) => p.items) ?? [];
  if (history.isPending) return <Spin />;
  if (history.isError) return <Alert type="error" showIcon title={describeError(history.error)} />;
  if (entries.length === 0) return <Empty description={t('stock.history.empty')} />;
  return (
    <>
      <Timeline
        className="fc-vehicle-history"
        items={entries.map((entry, i) => ({
          key: `${entry.at}-${i}`,
          color: isStatus(entry.toStatus) ? statusColor[entry.toStatus] : 'gray',
          content: (
            <div>
              <Typography.Text strong>{actionLabel(t, entry.action)}</Typography.Text>
              {entry.fromStatus !== entry.toStatus &&
                (isStatus(entry.fromStatus) || isStatus(entry.toStatus)) && (
                  <span style={{ marginInlineStart: 8 }}>
                    {isStatus(entry.fromStatus) && <StatusTag status={entry.fromStatus} />}
                    {isStatus(entry.fromStatus) && '→ '}
                    {isStatus(entry.toStatus) && <StatusTag status={entry.toStatus} />}
                  </span>
                )}
              <div>
                <Typography.Text type="secondary">
                  {formatInstant(entry.at)} ·{' '}
                  {t('history.by', { name: entry.actorName ?? t('history.system') })}
                </Typography.Text>
              </div>
              {details(t, entry).map((d) => (
                <div key={d}>{d}</div>
              ))}
            </div>
          ),
        }))}
      />
      {history.hasNextPage && (
        <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
