import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { DashboardOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Customer } from '@common/crm/customer.schemas';
import type { CustomerVehicle } from '@common/crm/customer-vehicle.schemas';
import type { Me } from '@common/identity/user.schemas';
import { validateCnPlate } from '@common/rules/cn-plate';
import { formatRuleMessage } from '@common/rules/messages';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { currentLanguage } from '../../i18n/i18n';
import { permissionScope } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { vinProblem } from '../vehicles/vin-entry-field';
import { useAddCustomerVehicle, useCustomerVehicles, useMileage, useRecordMileage } from './customers-api';
import '../catalog/catalog.css';

const plateRule = {
  validator: (_: unknown, v?: string) => {
    if (!v) return Promise.resolve();
    const first = validateCnPlate(v).errors[0];
    return first
      ? Promise.reject(new Error(formatRuleMessage(first.code, first.params, currentLanguage())))
      : Promise.resolve();
  },
};
const vinRule = {
  validator: (_: unknown, v?: string) => {
    const problem = v ? vinProblem(v) : null;
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
};

function AddVehicleModal({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    vin: string;
    plate?: string;
    brandName?: string;
    modelName?: string;
    purchaseDate?: Dayjs;
    mileageKm?: number;
  }>();
  const add = useAddCustomerVehicle();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Modal
      open
      title={t('customers.vehicles.add')}
      onCancel={onClose}
      okButtonProps={{ loading: add.isPending }}
      onOk={() => form.submit()}
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          add.mutate(
            {
              customerId,
              vin: v.vin,
              plate: v.plate || null,
              brandName: v.brandName || null,
              modelName: v.modelName || null,
              purchaseDate: v.purchaseDate ? v.purchaseDate.format('YYYY-MM-DD') : null,
              mileageKm: v.mileageKm ?? null,
            },
            {
              onSuccess: onClose,
              onError: (e) =>
                setFailure([describeError(e), ...applyFieldErrors(form, e, ['vin', 'plate'])].join(' ')),
            },
          )
        }
      >
        <Form.Item
          name="vin"
          label={t('customers.vehicles.vin')}
          rules={[{ required: true, message: t('customers.vehicles.vinRequired') }, vinRule]}
        >
          <Input className="fc-mono" maxLength={32} />
        </Form.Item>
        <Form.Item name="plate" label={t('customers.vehicles.plate')} rules={[plateRule]}>
          <Input maxLength={16} placeholder="京A12345" />
        </Form.Item>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="brandName" label={t('customers.vehicles.brand')} style={{ flex: 1 }}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="modelName" label={t('customers.vehicles.model')} style={{ flex: 1 }}>
            <Input maxLength={60} />
          </Form.Item>
        </Space.Compact>
        <Space>
          <Form.Item name="purchaseDate" label={t('customers.vehicles.purchaseDate')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="mileageKm" label={t('customers.vehicles.mileageKm')}>
            <InputNumber min={0} max={2_000_000} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function MileageModal({
  vehicle,
  canManage,
  onClose,
}: {
  vehicle: CustomerVehicle;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const history = useMileage(vehicle.id);
  const record = useRecordMileage(vehicle.id);
  const [form] = Form.useForm<{ km: number; reason?: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Modal
      open
      title={t('customers.vehicles.mileageTitle', { vin: vehicle.vin })}
      footer={null}
      onCancel={onClose}
    >
      {canManage && (
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 16 }}
          onFinish={(v) =>
            record.mutate(
              { km: v.km, readAt: new Date().toISOString(), reason: v.reason || null },
              {
                onSuccess: () => {
                  form.resetFields();
                  setFailure(null);
                  void history.refetch();
                },
                onError: (e) =>
                  setFailure([describeError(e), ...applyFieldErrors(form, e, ['km', 'reason'])].join(' ')),
              },
            )
          }
        >
          <Form.Item name="km" rules={[{ required: true, message: t('customers.vehicles.kmRequired') }]}>
            <InputNumber min={0} max={2_000_000} placeholder={t('customers.vehicles.mileageKm')} />
          </Form.Item>
          <Form.Item name="reason">
            <Input placeholder={t('customers.vehicles.reason')} maxLength={200} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={record.isPending}>
            {t('customers.vehicles.record')}
          </Button>
        </Form>
      )}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={history.isLoading}
        dataSource={history.data?.items ?? []}
        columns={[
          {
            title: t('customers.vehicles.readAt'),
            dataIndex: 'readAt',
            render: (at: string) => formatInstant(at),
          },
          {
            title: t('customers.vehicles.mileageKm'),
            dataIndex: 'km',
            align: 'right',
            render: (km: number) => km.toLocaleString(),
          },
          {
            title: t('customers.vehicles.reason'),
            dataIndex: 'reason',
            render: (r: string | null) => r ?? t('common.none'),
          },
        ]}
      />
    </Modal>
  );
}

/** The customer's vehicles (保有车辆) with their latest odometer reading and its history. */
export function CustomerVehicles({ me, customer }: { me: Me; customer: Customer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const vehicles = useCustomerVehicles(customer.id);
  const [adding, setAdding] = useState(false);
  const [mileageOf, setMileageOf] = useState<CustomerVehicle | null>(null);
  const canManage = permissionScope(me, 'customers.manage') !== null && customer.status === 'active';
  if (vehicles.error) void message.error(describeError(vehicles.error));
  const columns: TableColumnsType<CustomerVehicle> = [
    {
      title: t('customers.vehicles.plate'),
      dataIndex: 'plate',
      width: 110,
      render: (p: string | null) => <span className="fc-nowrap">{p ?? t('common.none')}</span>,
    },
    {
      title: t('customers.vehicles.vin'),
      dataIndex: 'vin',
      width: 190,
      render: (v: string) => <span className="fc-mono">{v}</span>,
    },
    {
      title: t('customers.vehicles.vehicle'),
      key: 'vehicle',
      render: (_, v) => [v.brandName, v.modelName, v.trimName].filter(Boolean).join(' ') || t('common.none'),
    },
    {
      title: t('customers.vehicles.lastMileage'),
      key: 'km',
      width: 130,
      render: (_, v) =>
        v.lastMileageKm === null ? (
          t('common.none')
        ) : (
          <Typography.Link onClick={() => setMileageOf(v)}>
            <DashboardOutlined /> {v.lastMileageKm.toLocaleString()} km
          </Typography.Link>
        ),
    },
    {
      title: t('customers.vehicles.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: CustomerVehicle['status']) => <Tag>{t(`customers.vehicles.statuses.${s}`)}</Tag>,
    },
  ];
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={vehicles.isLoading}
        dataSource={vehicles.data?.items ?? []}
        columns={columns}
        scroll={{ x: 640 }}
        onRow={(v) => ({ onDoubleClick: () => setMileageOf(v) })}
      />
      {canManage && (
        <Button icon={<PlusOutlined />} style={{ marginTop: 12 }} onClick={() => setAdding(true)}>
          {t('customers.vehicles.add')}
        </Button>
      )}
      {adding && <AddVehicleModal customerId={customer.id} onClose={() => setAdding(false)} />}
      {mileageOf && (
        <MileageModal vehicle={mileageOf} canManage={canManage} onClose={() => setMileageOf(null)} />
      )}
    </>
  );
}
