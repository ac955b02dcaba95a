import { Form, Radio, Select, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { consentSources, contactChannels } from '@common/crm/customer.enums';
import type { ConsentSource, ContactChannel, PreferredTime } from '@common/crm/customer.enums';
import type { Customer } from '@common/crm/customer.schemas';
import { storesGranting } from '@common/identity/roles';
import type { Me } from '@common/identity/user.schemas';
import { normalizeMobiles } from '@common/rules/customer-fields';
import { api } from '../../api/api-client';
import { permissionScope } from '../identity/auth-api';
import type { Page } from '../catalog/catalog-api';
import { formatInstant } from '../identity/format';
import type { PatchCustomer } from './customers-api';

export interface EditValues {
  name: string;
  mobiles: string[];
  email?: string | null;
  address?: string | null;
  employer?: string | null;
  preferredChannel?: ContactChannel | null;
  preferredTime?: PreferredTime | null;
  tags: string[];
  ownerId?: string | null;
  note?: string | null;
  consents: Partial<Record<ContactChannel, { granted?: boolean; source?: ConsentSource }>>;
}

export const editFieldNames = [
  'name',
  'mobiles',
  'email',
  'address',
  'employer',
  'preferredChannel',
  'preferredTime',
  'tags',
  'ownerId',
  'note',
];

/** Whether `customers.manage` reaches this customer (as the server decides: own, store or group). */
export function mayEditCustomer(me: Me, customer: Customer): boolean {
  if (customer.status !== 'active') return false;
  const scope = permissionScope(me, 'customers.manage');
  if (scope === 'group') return true;
  if (scope === 'store')
    return storesGranting(me.user.storeRoles, 'customers.manage').includes(customer.storeId);
  return scope === 'own' && customer.ownerId === me.user.id;
}

/** Mobiles can be changed only when the reader sees them in full. */
export const mobilesEditable = (c: Customer) => c.contactVisible && !c.mobiles.some((m) => m.masked);

const orderedMobiles = (c: Customer) =>
  [...c.mobiles].sort((a, b) => Number(b.primary) - Number(a.primary)).map((m) => m.number);

export function editValues(c: Customer): EditValues {
  return {
    name: c.name,
    mobiles: orderedMobiles(c),
    email: c.email,
    address: c.address,
    employer: c.employer,
    preferredChannel: c.preferredChannel,
    preferredTime: c.preferredTime,
    tags: c.tags,
    ownerId: c.ownerId,
    note: c.note,
    consents: Object.fromEntries(
      c.consents.map((x) => [x.channel, { granted: x.granted, source: x.source }]),
    ) as EditValues['consents'],
  };
}

const clean = (v: string | null | undefined) => v?.trim() || null;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed, with the version read (a stale version is refused with 409). */
export function buildCustomerPatch(c: Customer, v: EditValues, mayAssign: boolean): PatchCustomer {
  const patch: PatchCustomer = { version: c.version };
  if (v.name.trim() !== c.name) patch.name = v.name.trim();
  if (mobilesEditable(c)) {
    const mobiles = v.mobiles.map((m) => m?.trim()).filter(Boolean);
    if (!same(normalizeMobiles(mobiles), normalizeMobiles(orderedMobiles(c)))) patch.mobiles = mobiles;
  }
  for (const key of ['email', 'address', 'employer', 'note'] as const)
    if (clean(v[key]) !== c[key]) patch[key] = clean(v[key]);
  if ((v.preferredChannel ?? null) !== c.preferredChannel)
    patch.preferredChannel = v.preferredChannel ?? null;
  if ((v.preferredTime ?? null) !== c.preferredTime) patch.preferredTime = v.preferredTime ?? null;
  const tags = [...new Set(v.tags.map((tag) => tag.trim()).filter(Boolean))];
  if (!same(tags, c.tags)) patch.tags = tags;
  if (mayAssign && (v.ownerId ?? null) !== c.ownerId) patch.ownerId = v.ownerId ?? null;
  const consents = contactChannels.flatMap((channel) => {
    const now = v.consents?.[channel];
    const was = c.consents.find((x) => x.channel === channel);
    if (now?.granted === undefined || !now.source) return [];
    if (was && was.granted === now.granted && was.source === now.source) return [];
    return [{ channel, granted: now.granted, source: now.source }];
  });
  if (consents.length) patch.consents = consents;
  return patch;
}

/** The store's active sales consultants a store or group manager may hand the customer to. */
export function useConsultants(storeId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'consultants', storeId],
    queryFn: () =>
      api.get<Page<{ id: string; displayName: string }>>('/users', {
        storeId,
        role: 'sales_consultant',
        status: 'active',
        limit: 200,
      }),
    select: (page) => page.items,
    enabled,
  });
}

/** Names of the staff who recorded consents: the reader themself, or looked up (when users.read reaches). */
function useRecorderNames(me: Me, customer: Customer) {
  const ids = [...new Set(customer.consents.map((c) => c.recordedBy))].filter(
    (id): id is string => !!id && id !== me.user.id,
  );
  const users = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['users', 'one', id],
      queryFn: () => api.get<{ displayName: string }>(`/users/${encodeURIComponent(id)}`),
      retry: false,
      staleTime: 300_000,
    })),
  });
  const names = new Map<string, string>([[me.user.id, me.user.displayName]]);
  ids.forEach((id, i) => {
    const name = users[i]?.data?.displayName;
    if (name) names.set(id, name);
  });
  return names;
}

/** PIPL consent per channel: granted yes/no, how it was given, and when and by whom it was last recorded. */
export function ConsentFields({ me, customer }: { me: Me; customer: Customer }) {
  const { t } = useTranslation();
  const names = useRecorderNames(me, customer);
  const recorded = (channel: ContactChannel) => {
    const c = customer.consents.find((x) => x.channel === channel);
    if (!c) return t('customers.edit.consentNotRecorded');
    const by = c.recordedBy
      ? (names.get(c.recordedBy) ?? t('customers.edit.recordedByStaff'))
      : t('customers.system');
    return t('customers.edit.consentRecorded', { at: formatInstant(c.recordedAt), by });
  };
  return (
    <Form.Item label={t('customers.fields.consents')} extra={t('customers.edit.consentHint')}>
      <div className="fc-consent-grid" style={{ display: 'grid', gap: '4px 12px' }}>
        {contactChannels.map((channel) => (
          <div key={channel} data-testid={`consent-${channel}`}>
            <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
              <Typography.Text strong style={{ width: 56, flex: 'none', lineHeight: '32px' }}>
                {t(`customers.channels.${channel}`)}
              </Typography.Text>
              <Form.Item name={['consents', channel, 'granted']} style={{ marginBottom: 0, flex: 'none' }}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    { value: true, label: t('customers.consentGranted') },
                    { value: false, label: t('customers.consentRefused') },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name={['consents', channel, 'source']}
                dependencies={[['consents', channel, 'granted']]}
                style={{ marginBottom: 0, flex: 1, minWidth: 0 }}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, value?: string) =>
                      getFieldValue(['consents', channel, 'granted']) !== undefined && !value
                        ? Promise.reject(new Error(t('customers.edit.sourceRequired')))
                        : Promise.resolve(),
                  }),
                ]}
              >
                <Select
                  placeholder={t('customers.edit.source')}
                  aria-label={t('customers.edit.sourceOf', { channel: t(`customers.channels.${channel}`) })}
                  options={consentSources.map((s) => ({
                    value: s,
                    label: t(`customers.consentSources.${s}`),
                  }))}
                />
              </Form.Item>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 64 }}>
              {recorded(channel)}
            </Typography.Text>
          </div>
        ))}
      </div>
    </Form.Item>
  );
}
