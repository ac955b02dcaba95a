import { Alert, Button, Drawer, Empty, Spin, Table, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { User } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { formatInstant } from './format';
import { storeLabel } from './store-options';
import type { StoreOption } from './store-options';
import type { AuditEntry } from './users-api';
import { useAuditTrail } from './users-api';

const hiddenFields = new Set(['version', 'updatedAt', 'createdAt', 'id', 'groupId']);

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

function blankToNull(value: unknown): unknown {
  return value === undefined || value === '' ? null : value;
}

function changesOf(entry: AuditEntry): Change[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter(
      (f) =>
        !hiddenFields.has(f) &&
        JSON.stringify(blankToNull(before[f])) !== JSON.stringify(blankToNull(after[f])),
    )
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

function fieldLabel(t: TFunction, field: string): string {
  const key = field === 'idNumberMasked' ? 'idNumber' : field;
  return t(`users.fields.${key}` as 'users.fields.username', { defaultValue: field });
}

function formatValue(t: TFunction, names: Map<string, StoreOption>, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (field === 'status' && (value === 'active' || value === 'disabled')) return t(`users.status.${value}`);
  if (field === 'language' && (value === 'zh-CN' || value === 'en')) return t(`languages.${value}`);
  if (field === 'storeRoles' && Array.isArray(value)) {
    return value
      .map(
        (r: { storeId?: string; role?: string }) =>
          `${storeLabel(names, r.storeId ?? '')} · ${r.role ? t(`roles.${r.role as 'finance'}`, { defaultValue: r.role }) : ''}`,
      )
      .join(', ');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function actionLabel(t: TFunction, action: string): string {
  const path = `history.actions.${action}`;
  const text = t(path as 'history.actions.create', { defaultValue: '' });
  return text || action;
}

/** The audit trail of one user: who changed what, when. */
export function UserHistoryDrawer({
  user,
  open,
  onClose,
  storeNames,
}: {
  user: User | null;
  open: boolean;
  onClose: () => void;
  storeNames: Map<string, StoreOption>;
}) {
  const { t } = useTranslation();
  const trail = useAuditTrail('user', user?.id ?? null, open);
  const entries = trail.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Drawer
      title={t('history.title', { name: user?.displayName ?? '' })}
      open={open}
      onClose={onClose}
      size={620}
    >
      {trail.isPending && open && <Spin />}
      {trail.isError && <Alert type="error" showIcon title={describeError(trail.error)} />}
      {trail.isSuccess && entries.length === 0 && <Empty description={t('history.empty')} />}
      <Timeline
        items={entries.map((entry) => {
          const changes = changesOf(entry);
          return {
            key: entry.id,
            content: (
              <div>
                <Typography.Text strong>{actionLabel(t, entry.action)}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                  {formatInstant(entry.at)} ·{' '}
                  {t('history.by', { name: entry.actorName ?? t('history.system') })}
                </Typography.Text>
                {changes.length > 0 && (
                  <Table<Change>
                    size="small"
                    rowKey="field"
                    pagination={false}
                    style={{ marginTop: 8 }}
                    dataSource={changes}
                    columns={[
                      {
                        title: t('history.field'),
                        dataIndex: 'field',
                        width: 140,
                        render: (f: string) => fieldLabel(t, f),
                      },
                      {
                        title: t('history.before'),
                        render: (_, c) => formatValue(t, storeNames, c.field, c.before),
                      },
                      {
                        title: t('history.after'),
                        render: (_, c) => formatValue(t, storeNames, c.field, c.after),
                      },
                    ]}
                  />
                )}
              </div>
            ),
          };
        })}
      />
      {trail.hasNextPage && (
        <Button onClick={() => void trail.fetchNextPage()} loading={trail.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Drawer>
  );
}
