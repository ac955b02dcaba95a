import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Supplier } from '@common/parts/supplier.schemas';
import { certificateKinds, supplierStatuses } from '@common/parts/purchase-order.status';
import type { Me } from '@common/identity/user.schemas';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { ListFooter } from '../../app-shell/list-footer';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { permissionScope, useMe } from '../identity/auth-api';
import { writeStore } from './money-input';
import { useCreateSupplier, useSuppliers } from './purchasing-api';
import '../catalog/catalog.css';

export const supplierStatusColour = { approved: 'green', probation: 'gold', blocked: 'red' } as const;

interface Values {
  code: string;
  name: string;
  status: Supplier['status'];
  leadTimeDays: number;
  contactName?: string;
  contactPhone?: string;
  certKind?: (typeof certificateKinds)[number];
  certNumber?: string;
  certUntil?: Dayjs;
}

function Suppliers({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { storeId } = useSelectedStore();
  const list = useSuppliers(storeId);
  const create = useCreateSupplier();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const suppliers = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: TableColumnsType<Supplier> = [
    {
      title: t('parts.suppliers.code'),
      dataIndex: 'code',
      render: (c: string) => <span className="fc-mono">{c}</span>,
    },
    {
      title: t('parts.suppliers.name'),
      dataIndex: 'name',
      render: (n: string, s) => <Link to={`/suppliers/${s.id}`}>{n}</Link>,
    },
    {
      title: t('parts.suppliers.status'),
      dataIndex: 'status',
      render: (v: Supplier['status']) => (
        <Tag color={supplierStatusColour[v]}>{t(`parts.suppliers.statuses.${v}`)}</Tag>
      ),
    },
    {
      title: t('parts.suppliers.orderable'),
      dataIndex: 'orderable',
      render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
    },
    { title: t('parts.suppliers.leadTimeDays'), dataIndex: 'leadTimeDays', align: 'right' },
    {
      title: t('parts.suppliers.contact'),
      key: 'contact',
      render: (_, s) => [s.contactName, s.contactPhone].filter(Boolean).join(' · ') || '—',
    },
  ];
  const submit = (v: Values) =>
    create.mutate(
      {
        storeId: writeStore(storeId, me.stores),
        code: v.code,
        name: v.name,
        status: v.status,
        leadTimeDays: v.leadTimeDays,
        contactName: v.contactName || undefined,
        contactPhone: v.contactPhone || undefined,
        certificates:
          v.certKind && v.certNumber && v.certUntil
            ? [{ kind: v.certKind, number: v.certNumber, validUntil: v.certUntil.format('YYYY-MM-DD') }]
            : [],
      },
      {
        onSuccess: (s) => {
          setOpen(false);
          form.resetFields();
          void navigate(`/suppliers/${s.id}`);
        },
        onError: (error) => {
          applyFieldErrors(form, error, ['code', 'name', 'leadTimeDays']);
          void message.error(describeError(error));
        },
      },
    );
  return (
    <>
      <PageHeader
        title={t('parts.suppliers.title')}
        extra={
          permissionScope(me, 'suppliers.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {t('parts.suppliers.new')}
            </Button>
          )
        }
      />
      <div className="fc-panel">
        {list.isError && <Alert type="error" showIcon title={describeError(list.error)} />}
        <Table<Supplier>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={suppliers}
          loading={list.isPending}
          pagination={false}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('parts.suppliers.empty')} />
            ),
          }}
        />
        <ListFooter shown={suppliers.length} list={list} />
      </div>
      <Modal
        title={t('parts.suppliers.new')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        width={600}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ status: 'probation', leadTimeDays: 7, certKind: 'business_licence' }}
        >
          <Space.Compact block>
            <Form.Item
              name="code"
              label={t('parts.suppliers.code')}
              rules={[{ required: true, message: t('parts.required') }]}
              style={{ width: 160 }}
            >
              <Input className="fc-mono" />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('parts.suppliers.name')}
              rules={[{ required: true, message: t('parts.required') }]}
              style={{ flex: 1 }}
            >
              <Input />
            </Form.Item>
          </Space.Compact>
          <Space.Compact block>
            <Form.Item name="status" label={t('parts.suppliers.status')} style={{ flex: 1 }}>
              <Select
                options={supplierStatuses.map((s) => ({
                  value: s,
                  label: t(`parts.suppliers.statuses.${s}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="leadTimeDays" label={t('parts.suppliers.leadTimeDays')} style={{ flex: 1 }}>
              <InputNumber min={0} precision={0} />
            </Form.Item>
          </Space.Compact>
          <Space.Compact block>
            <Form.Item name="contactName" label={t('parts.suppliers.contact')} style={{ flex: 1 }}>
              <Input />
            </Form.Item>
            <Form.Item name="contactPhone" label=" " style={{ flex: 1 }}>
              <Input />
            </Form.Item>
          </Space.Compact>
          <Space.Compact block>
            <Form.Item name="certKind" label={t('parts.suppliers.certificateKind')} style={{ flex: 1 }}>
              <Select
                options={certificateKinds.map((k) => ({ value: k, label: t(`parts.suppliers.kinds.${k}`) }))}
              />
            </Form.Item>
            <Form.Item name="certNumber" label={t('parts.suppliers.certificateNumber')} style={{ flex: 1 }}>
              <Input />
            </Form.Item>
            <Form.Item name="certUntil" label={t('parts.suppliers.validUntil')} style={{ flex: 1 }}>
              <DatePicker />
            </Form.Item>
          </Space.Compact>
        </Form>
      </Modal>
    </>
  );
}

/** Purchasing → Suppliers: qualification status, certificates and who may receive orders. */
export function SuppliersPage() {
  const me = useMe();
  return me.data ? <Suppliers me={me.data} /> : null;
}
