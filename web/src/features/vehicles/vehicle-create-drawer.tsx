import { useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { parseYuanToFen } from '@common/rules/money';
import { vehicleLocations } from '@common/vehicles/vehicle.status';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { useTrim } from '../catalog/catalog-api';
import { localName } from '../catalog/catalog-format';
import { TrimSelect } from '../catalog/trim-select';
import { VinEntryField, vinProblem } from './vin-entry-field';
import { useCreateVehicle } from './vehicles-api';
import type { CreateVehicle } from './vehicles-api';

interface AddValues {
  vin: string;
  trimId?: string;
  exteriorColourId?: string;
  interiorColourId?: string;
  status: 'on_order' | 'in_transit' | 'in_stock';
  arrivedOn?: Dayjs | null;
  purchaseCost?: string;
  holdingCostPerDay?: string;
  engineNo?: string;
  cocNo?: string;
  location: CreateVehicle['location'];
}

const fieldNames = [
  'vin',
  'trimId',
  'exteriorColourId',
  'interiorColourId',
  'status',
  'arrivedOn',
  'purchaseCost',
  'holdingCostPerDay',
  'engineNo',
  'cocNo',
  'location',
];
const fen = (v?: string) => (v ? parseYuanToFen(v) : null);

/** Takes a vehicle into stock: VIN decoded as typed, trim, its colours, arrival date and cost. */
export function VehicleCreateDrawer({
  open,
  storeId,
  onClose,
}: {
  open: boolean;
  storeId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<AddValues>();
  const [failure, setFailure] = useState<{ title: string; detail?: string } | null>(null);
  const trimId = Form.useWatch('trimId', form);
  const status = Form.useWatch('status', form);
  const trim = useTrim(trimId);
  const create = useCreateVehicle();
  const colours = (kind: 'exterior' | 'interior') =>
    (trim.data?.colours ?? [])
      .filter((c) => c.kind === kind)
      .map((c) => ({ value: c.id, label: `${localName(c)} (${c.code})` }));
  const moneyRule = {
    validator: (_: unknown, v?: string) =>
      !v || parseYuanToFen(v) !== null
        ? Promise.resolve()
        : Promise.reject(new Error(t('catalog.priceLists.moneyFormat'))),
  };

  const submit = (v: AddValues) => {
    setFailure(null);
    create.mutate(
      {
        vin: v.vin,
        trimId: v.trimId ?? '',
        storeId: storeId ?? undefined,
        exteriorColourId: v.exteriorColourId ?? null,
        interiorColourId: v.interiorColourId ?? null,
        status: v.status,
        arrivedOn: v.status === 'in_stock' && v.arrivedOn ? v.arrivedOn.format('YYYY-MM-DD') : null,
        purchaseCost: fen(v.purchaseCost),
        holdingCostPerDay: fen(v.holdingCostPerDay),
        engineNo: v.engineNo?.trim() || null,
        cocNo: v.cocNo?.trim() || null,
        location: v.location,
      },
      {
        onSuccess: (vehicle) => {
          void message.success(t('stock.add.created', { vin: vehicle.vin }));
          form.resetFields();
          onClose();
          void navigate(`/vehicles/${vehicle.id}`);
        },
        onError: (error) => {
          const details = applyFieldErrors(form, error, fieldNames);
          setFailure({ title: describeError(error), detail: details.join('; ') || undefined });
        },
      },
    );
  };

  return (
    <Drawer
      title={t('stock.add.title')}
      open={open}
      onClose={onClose}
      size={640}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('stock.add.submit')}
          </Button>
        </Space>
      }
    >
      {failure && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={failure.title}
          description={failure.detail}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<AddValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ status: 'in_stock', arrivedOn: dayjs(), location: 'yard' }}
        onValuesChange={(changed: Partial<AddValues>) => {
          if ('trimId' in changed)
            form.setFieldsValue({ exteriorColourId: undefined, interiorColourId: undefined });
        }}
      >
        <Form.Item
          name="vin"
          label={t('stock.fields.vin')}
          validateTrigger={['onBlur']}
          rules={[
            {
              validator: (_, v?: string) => {
                const problem = vinProblem(v ?? '');
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <VinEntryField />
        </Form.Item>
        <Form.Item
          name="trimId"
          label={t('stock.fields.trim')}
          rules={[{ required: true, message: t('catalog.validation.required') }]}
        >
          <TrimSelect placeholder={t('stock.add.trimPlaceholder')} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="exteriorColourId" label={t('stock.fields.exteriorColour')} style={{ flex: 1 }}>
            <Select allowClear disabled={!trimId} options={colours('exterior')} />
          </Form.Item>
          <Form.Item name="interiorColourId" label={t('stock.fields.interiorColour')} style={{ flex: 1 }}>
            <Select allowClear disabled={!trimId} options={colours('interior')} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="status" label={t('stock.fields.status')} style={{ flex: 1 }}>
            <Select
              options={(['in_stock', 'in_transit', 'on_order'] as const).map((s) => ({
                value: s,
                label: t(`stock.statuses.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="arrivedOn" label={t('stock.fields.arrivedOn')} style={{ flex: 1 }}>
            <DatePicker disabled={status !== 'in_stock'} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="location" label={t('stock.fields.location')} style={{ flex: 1 }}>
            <Select options={vehicleLocations.map((l) => ({ value: l, label: t(`stock.locations.${l}`) }))} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item
            name="purchaseCost"
            label={t('stock.fields.purchaseCost')}
            rules={[moneyRule]}
            style={{ flex: 1 }}
          >
            <Input prefix="¥" inputMode="decimal" />
          </Form.Item>
          <Form.Item
            name="holdingCostPerDay"
            label={t('stock.fields.holdingCostPerDay')}
            rules={[moneyRule]}
            style={{ flex: 1 }}
          >
            <Input prefix="¥" inputMode="decimal" />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="engineNo" label={t('stock.fields.engineNo')} style={{ flex: 1 }}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="cocNo" label={t('stock.fields.cocNo')} style={{ flex: 1 }}>
            <Input maxLength={40} />
          </Form.Item>
        </Flex>
      </Form>
    </Drawer>
  );
}
