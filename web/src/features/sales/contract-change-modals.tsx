import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { cancellationReasons, type Contract } from '@common/sales/contract.schemas';
import { paymentMethods } from '@common/sales/deal.status';
import { parseYuanToFen } from '@common/rules/money';
import { describeError } from '../../api/form-errors';
import { formatMoney } from '../catalog/catalog-format';
import { useAmendContract, useCancelContract, type AmendContractInput } from './contracts-api';
import { yuanRule } from './desk-vehicle-fields';

interface AmendValues {
  reason: string;
  deliveryDate?: Dayjs;
  deliveryPlace?: string;
  paymentMethod?: AmendContractInput['paymentMethod'];
  vehiclePrice?: string;
  specialTerms?: string;
}

/** A change (H4.1.3): the changed terms make a new draft version that both parties sign again. */
export function AmendContractModal({
  contract,
  open,
  onClose,
}: {
  contract: Contract;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AmendValues>();
  const amend = useAmendContract();
  const [failure, setFailure] = useState<string | null>(null);
  const submit = (v: AmendValues) =>
    amend.mutate(
      {
        id: contract.id,
        body: {
          version: contract.version,
          reason: v.reason,
          deliveryDate: v.deliveryDate?.format('YYYY-MM-DD'),
          deliveryPlace: v.deliveryPlace || undefined,
          paymentMethod: v.paymentMethod,
          vehiclePrice: v.vehiclePrice ? (parseYuanToFen(v.vehiclePrice) ?? undefined) : undefined,
          specialTerms: v.specialTerms || undefined,
        },
      },
      {
        onSuccess: (c) => {
          void message.success(t('sales.contract.amended', { version: c.versionNo }));
          onClose();
        },
        onError: (e) => setFailure(describeError(e)),
      },
    );
  const deliveryDate = contract.terms.deliveryDate;
  return (
    <Modal
      open={open}
      title={t('sales.contract.amend')}
      okText={t('sales.contract.amend')}
      confirmLoading={amend.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<AmendValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ deliveryDate: typeof deliveryDate === 'string' ? dayjs(deliveryDate) : undefined }}
      >
        <Form.Item
          name="reason"
          label={t('sales.contract.amendReason')}
          rules={[{ required: true, message: t('sales.required') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="deliveryDate" label={t('sales.contract.deliveryDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="deliveryPlace" label={t('sales.contract.deliveryPlace')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="paymentMethod" label={t('sales.contract.paymentMethod')}>
          <Select
            allowClear
            options={paymentMethods.map((m) => ({ value: m, label: t(`sales.paymentMethods.${m}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="vehiclePrice"
          label={t('sales.contract.newVehiclePrice')}
          rules={[yuanRule(t('sales.moneyFormat'))]}
          extra={
            typeof contract.terms.vehiclePrice === 'number'
              ? formatMoney(contract.terms.vehiclePrice)
              : undefined
          }
        >
          <Input prefix="¥" />
        </Form.Item>
        <Form.Item name="specialTerms" label={t('sales.contract.specialTerms')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} />}
    </Modal>
  );
}

/** A cancellation (H4.1.3, manager): refunds what was paid, releases the VIN, reverses what the deal held. */
export function CancelContractModal({
  contract,
  open,
  onClose,
}: {
  contract: Contract;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: (typeof cancellationReasons)[number]; note?: string }>();
  const cancel = useCancelContract();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Modal
      open={open}
      title={t('sales.contract.cancel')}
      okText={t('sales.contract.cancel')}
      okButtonProps={{ danger: true }}
      confirmLoading={cancel.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('sales.contract.cancelWarning')} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ reason: 'customer_withdrew' }}
        onFinish={(v) =>
          cancel.mutate(
            {
              id: contract.id,
              body: { version: contract.version, reason: v.reason, note: v.note || undefined },
            },
            {
              onSuccess: (r) => {
                void message.success(
                  r.refund
                    ? t('sales.contract.cancelledWithRefund', { amount: formatMoney(r.refund.amount) })
                    : t('sales.contract.cancelled'),
                );
                onClose();
              },
              onError: (e) => setFailure(describeError(e)),
            },
          )
        }
      >
        <Form.Item name="reason" label={t('sales.contract.cancelReason')}>
          <Select
            options={cancellationReasons.map((r) => ({
              value: r,
              label: t(`sales.cancellationReasons.${r}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('sales.contract.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} />}
    </Modal>
  );
}
