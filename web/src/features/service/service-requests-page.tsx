import { useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { requestCategories, requestChannels, requestUrgencies } from '@common/service/booking.schemas';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { ListFooter } from '../../app-shell/list-footer';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { CustomerSelect } from '../crm/customer-select';
import {
  useCreateServiceRequest,
  useRespondRequest,
  useServiceRequests,
  type ServiceRequest,
} from './service-api';
import { keys } from './service-tags';

interface Values {
  customerId: string;
  channel: string;
  category: string;
  urgency: string;
  description: string;
}

function CreateDrawer({ storeId, onClose }: { storeId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateServiceRequest();
  return (
    <Drawer open onClose={onClose} title={t('service.requests.new')} size={480}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ channel: 'phone', category: 'maintenance', urgency: 'normal' }}
        onFinish={(v) =>
          create.mutate({ storeId, ...v } as never, {
            onSuccess: (r) => {
              void message.success(t('service.requests.created', { number: r.number }));
              onClose();
            },
            onError: (e) => {
              applyFieldErrors(form, e, ['customerId', 'channel', 'category', 'urgency', 'description']);
              void message.error(describeError(e));
            },
          })
        }
      >
        <Form.Item
          name="customerId"
          label={t('service.order.customer')}
          rules={[{ required: true, message: t('service.requests.customerRequired') }]}
        >
          <CustomerSelect storeId={storeId} placeholder={t('reception.customerPlaceholder')} />
        </Form.Item>
        <Form.Item name="channel" label={t('service.requests.channel')}>
          <Select options={requestChannels.map((c) => ({ value: c, label: t(keys.channel(c)) }))} />
        </Form.Item>
        <Form.Item name="category" label={t('service.requests.category')}>
          <Select options={requestCategories.map((c) => ({ value: c, label: t(keys.category(c)) }))} />
        </Form.Item>
        <Form.Item name="urgency" label={t('service.requests.urgency')}>
          <Select options={requestUrgencies.map((c) => ({ value: c, label: t(keys.urgency(c)) }))} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('service.requests.description')}
          rules={[{ required: true, message: t('service.requests.descriptionRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('service.requests.save')}
        </Button>
      </Form>
    </Drawer>
  );
}

const urgencyColor: Record<string, string> = {
  low: 'default',
  normal: 'blue',
  high: 'orange',
  critical: 'red',
};

/** Service requests (H6.1 1-2): how they came in, their class, urgency and first-response SLA. */
export function ServiceRequestsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { storeId } = useSelectedStore();
  const list = useServiceRequests(storeId);
  const respond = useRespondRequest();
  const [creating, setCreating] = useState(false);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('service.requests.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!storeId}
            onClick={() => setCreating(true)}
          >
            {t('service.requests.new')}
          </Button>
        }
      />
      {!storeId && (
        <Alert type="info" showIcon title={t('catalog.chooseStore')} style={{ marginBottom: 12 }} />
      )}
      <Table<ServiceRequest>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('service.requests.number'), dataIndex: 'number' },
          { title: t('service.order.customer'), dataIndex: 'customerName' },
          {
            title: t('service.requests.category'),
            dataIndex: 'category',
            render: (c: string) => t(keys.category(c)),
          },
          {
            title: t('service.requests.channel'),
            dataIndex: 'channel',
            render: (c: string) => t(keys.channel(c)),
          },
          {
            title: t('service.requests.urgency'),
            dataIndex: 'urgency',
            render: (u: string) => <Tag color={urgencyColor[u]}>{t(keys.urgency(u))}</Tag>,
          },
          { title: t('service.requests.description'), dataIndex: 'description', ellipsis: true },
          {
            title: t('service.requests.responseDue'),
            render: (_: unknown, r) => (
              <Space>
                {new Date(r.responseDueAt).toLocaleString()}
                {r.slaMissed && <Tag color="red">{t('service.requests.slaMissed')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('service.requests.status'),
            dataIndex: 'status',
            render: (s: string) => t(keys.requestStatus(s)),
          },
          {
            title: '',
            render: (_: unknown, r) =>
              r.status === 'open' ? (
                <Button
                  size="small"
                  onClick={() => {
                    const note = window.prompt(t('service.requests.responseNote'));
                    if (note)
                      respond.mutate(
                        { request: r, note },
                        { onError: (e) => void message.error(describeError(e)) },
                      );
                  }}
                >
                  {t('service.requests.respond')}
                </Button>
              ) : null,
          },
        ]}
      />
      <ListFooter shown={rows.length} list={list} />
      {creating && storeId && <CreateDrawer storeId={storeId} onClose={() => setCreating(false)} />}
    </>
  );
}
