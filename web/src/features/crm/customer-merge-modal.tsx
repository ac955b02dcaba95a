import { useState } from 'react';
import { Alert, App, Input, List, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer } from '@common/crm/customer.schemas';
import { describeError } from '../../api/form-errors';
import { useCustomerSearch, useMergeCustomer } from './customers-api';
import { useDebounced } from './use-debounced';

/** Picks the duplicate to merge into this customer: searched like the customer list, this one left out. */
export function CustomerMergeModal({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState(
    customer.mobiles[0]?.masked ? customer.name : (customer.mobiles[0]?.number ?? customer.name),
  );
  const q = useDebounced(text.trim(), 250);
  const found = useCustomerSearch(q, null);
  const candidates = (found.data?.pages.flatMap((p) => p.items) ?? []).filter((c) => c.id !== customer.id);
  const [sourceId, setSourceId] = useState<string | null>(null);
  const merge = useMergeCustomer(customer.id);
  const source = candidates.find((c) => c.id === sourceId);
  return (
    <Modal
      open
      title={t('customers.merge.title', { name: customer.name })}
      okText={t('customers.merge.confirm')}
      okButtonProps={{ disabled: !sourceId, danger: true, loading: merge.isPending }}
      onCancel={onClose}
      onOk={() =>
        sourceId &&
        merge.mutate(
          { sourceId, version: customer.version },
          {
            onSuccess: () => {
              void message.success(t('customers.merge.done'));
              onClose();
            },
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('customers.merge.explain')}</Typography.Paragraph>
      <Input.Search
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('customers.searchPlaceholder')}
      />
      <Radio.Group
        value={sourceId}
        onChange={(e) => setSourceId(e.target.value as string)}
        style={{ width: '100%' }}
      >
        <List
          size="small"
          loading={found.isFetching}
          dataSource={candidates}
          locale={{ emptyText: t('customers.noMatch') }}
          renderItem={(c) => (
            <List.Item>
              <Radio value={c.id}>
                {c.number} · {c.name} · <span className="fc-mono">{c.mobiles[0]?.number}</span>
              </Radio>
            </List.Item>
          )}
        />
      </Radio.Group>
      {source && (
        <Alert
          type="warning"
          showIcon
          message={t('customers.merge.warning', { source: source.name, target: customer.name })}
        />
      )}
      {merge.error && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} message={describeError(merge.error)} />
      )}
    </Modal>
  );
}
