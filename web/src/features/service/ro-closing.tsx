import { useCallback, useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Rate,
  Select,
  Space,
  Typography,
} from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Action } from '@common/identity/roles';
import { describeError } from '../../api/form-errors';
import { formatFen, useOrderAction, type RepairOrder } from './service-api';
import { SignaturePad } from './signature-pad';
import { keys } from './service-tags';

const defaultChecklist = ['roadTest', 'torque', 'fluids', 'lights', 'cleaning'] as const;

/** Final inspection by the foreman (终检): every item ticked passes; an unticked item sends it back to work. */
function QualityCheckCard({ order }: { order: RepairOrder }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useOrderAction(order.id);
  const [checked, setChecked] = useState<string[]>([]);
  return (
    <Card size="small" title={t('service.qc.title')} data-testid="quality-check">
      <Checkbox.Group
        value={checked}
        onChange={(v) => setChecked(v as string[])}
        options={defaultChecklist.map((k) => ({ value: k, label: t(`service.qc.items.${k}`) }))}
      />
      <div style={{ marginTop: 12 }}>
        <Button
          type="primary"
          loading={action.isPending}
          onClick={() =>
            action.mutate(
              {
                path: '/quality-check',
                body: {
                  version: order.version,
                  checklist: defaultChecklist.map((k) => ({
                    item: t(`service.qc.items.${k}`),
                    passed: checked.includes(k),
                  })),
                },
              },
              { onError: (e) => void message.error(describeError(e)) },
            )
          }
        >
          {checked.length === defaultChecklist.length ? t('service.qc.pass') : t('service.qc.fail')}
        </Button>
      </div>
    </Card>
  );
}

interface SettleValues {
  method: string;
  insurerName?: string;
  nextServiceDate?: dayjs.Dayjs;
  nextServiceKm?: number;
}

function SettleCard({ order }: { order: RepairOrder }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useOrderAction(order.id);
  return (
    <Card size="small" title={t('service.settle.title')} data-testid="settle">
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('service.totals.labour')}>
          {formatFen(order.totals.labour)}
        </Descriptions.Item>
        <Descriptions.Item label={t('service.totals.parts')}>
          {formatFen(order.totals.parts)}
        </Descriptions.Item>
        <Descriptions.Item label={t('service.totals.warranty')}>
          {formatFen(order.totals.warranty)}
        </Descriptions.Item>
        <Descriptions.Item label={t('service.totals.insurance')}>
          {formatFen(order.totals.insurance)}
        </Descriptions.Item>
        <Descriptions.Item label={t('service.totals.customer')}>
          <strong>{formatFen(order.totals.customer)}</strong>
        </Descriptions.Item>
      </Descriptions>
      <Form<SettleValues>
        layout="inline"
        initialValues={{ method: 'wechat' }}
        style={{ rowGap: 8 }}
        onFinish={(v) =>
          action.mutate(
            {
              path: '/settle',
              body: {
                version: order.version,
                payments:
                  order.totals.customer > 0 ? [{ method: v.method, amount: order.totals.customer }] : [],
                insurerName: v.insurerName || null,
                nextServiceDate: v.nextServiceDate ? v.nextServiceDate.format('YYYY-MM-DD') : null,
                nextServiceKm: v.nextServiceKm ?? null,
              },
            },
            { onError: (e) => void message.error(describeError(e)) },
          )
        }
      >
        <Form.Item name="method" label={t('service.settle.method')}>
          <Select
            style={{ width: 130 }}
            options={(['wechat', 'alipay', 'card', 'cash', 'transfer'] as const).map((m) => ({
              value: m,
              label: t(keys.method(m)),
            }))}
          />
        </Form.Item>
        {order.totals.insurance > 0 && (
          <Form.Item
            name="insurerName"
            label={t('service.settle.insurer')}
            rules={[{ required: true, message: t('service.settle.insurerRequired') }]}
          >
            <Input style={{ width: 140 }} />
          </Form.Item>
        )}
        <Form.Item name="nextServiceDate" label={t('service.settle.nextDate')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="nextServiceKm" label={t('service.settle.nextKm')}>
          <InputNumber min={0} style={{ width: 120 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.isPending}>
          {t('service.settle.submit', { amount: formatFen(order.totals.customer) })}
        </Button>
      </Form>
    </Card>
  );
}

function HandoverCard({ order }: { order: RepairOrder }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useOrderAction(order.id);
  const [signature, setSignature] = useState<string | null>(null);
  const [name, setName] = useState(order.customerName);
  const onChange = useCallback((png: string | null) => setSignature(png), []);
  return (
    <Card size="small" title={t('service.handover.title')} data-testid="handover">
      <Typography.Paragraph>{t('service.handover.intro')}</Typography.Paragraph>
      <SignaturePad onChange={onChange} />
      <Space style={{ marginTop: 8 }}>
        <Input
          value={name}
          onChange={(e) => setName(e.target.value)}
          addonBefore={t('service.estimate.signer')}
        />
        <Button
          type="primary"
          disabled={!signature || !name.trim()}
          loading={action.isPending}
          onClick={() =>
            action.mutate(
              { path: '/handover', body: { version: order.version, signerName: name, signature } },
              { onError: (e) => void message.error(describeError(e)) },
            )
          }
        >
          {t('service.handover.submit')}
        </Button>
      </Space>
    </Card>
  );
}

function FollowUpCard({ order, mayManage }: { order: RepairOrder; mayManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useOrderAction(order.id);
  const [stars, setStars] = useState(order.satisfaction ?? 0);
  const [note, setNote] = useState(order.followUpNote ?? '');
  const failed = (e: unknown) => void message.error(describeError(e));
  return (
    <Card size="small" title={t('service.followUp.title')} data-testid="follow-up">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('service.handover.signedBy')}>{order.handoverSigner}</Descriptions.Item>
        {order.nextServiceDate && (
          <Descriptions.Item label={t('service.settle.next')}>
            {t('service.settle.nextValue', { date: order.nextServiceDate, km: order.nextServiceKm ?? '' })}
          </Descriptions.Item>
        )}
        {order.retainUntil && (
          <Descriptions.Item label={t('service.settle.retainUntil')}>{order.retainUntil}</Descriptions.Item>
        )}
      </Descriptions>
      {mayManage && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('service.followUp.intro')}</Typography.Text>
          <Rate value={stars} onChange={setStars} />
          <Input.TextArea
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('service.followUp.note')}
          />
          <Space>
            <Button
              disabled={!stars}
              onClick={() =>
                action.mutate(
                  {
                    path: '/follow-up',
                    body: { version: order.version, satisfaction: stars, note: note || null },
                  },
                  { onError: failed },
                )
              }
            >
              {t('service.followUp.save')}
            </Button>
            {order.status === 'delivered' && (
              <Button
                type="primary"
                onClick={() =>
                  action.mutate({ path: '/close', body: { version: order.version } }, { onError: failed })
                }
              >
                {t('service.actions.close')}
              </Button>
            )}
          </Space>
        </Space>
      )}
    </Card>
  );
}

/** QC, settlement and invoice, handover with signature, follow-up and close: what the state allows now. */
export function ClosingCards({ order, can }: { order: RepairOrder; can: (a: Action) => boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {order.status === 'quality_check' && can('service.inspect') && <QualityCheckCard order={order} />}
      {order.status === 'ready' && !order.settledAt && can('service.settle') && <SettleCard order={order} />}
      {order.invoiceNumber && (
        <Card size="small" title={t('service.settle.invoice')}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('service.settle.invoiceNumber')}>
              <span data-testid="invoice-number">{order.invoiceNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('service.settle.paid')}>
              {order.payments.map((p) => `${t(keys.method(p.method))} ${formatFen(p.amount)}`).join('，') ||
                '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {order.status === 'ready' && order.settledAt && can('service.manage') && <HandoverCard order={order} />}
      {(order.status === 'delivered' || order.status === 'closed') && (
        <FollowUpCard order={order} mayManage={can('service.manage')} />
      )}
    </>
  );
}
