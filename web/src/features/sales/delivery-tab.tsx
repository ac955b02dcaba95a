import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Me } from '@common/identity/user.schemas';
import type { Deal } from '@common/sales/deal.schemas';
import { describeError } from '../../api/form-errors';
import { permissionScope } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { DeliveryBlockers } from './delivery-blockers';
import { useDelivery, useScheduleDelivery } from './deliveries-api';
import { RecordStatusTag } from './sales-tags';

/** The deal's delivery (H5.1.1): schedule date, time and place once the contract is signed, then the delivery page. */
export function DeliveryTab({ me, deal }: { me: Me; deal: Deal }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ scheduledAt: Dayjs; place: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const delivery = useDelivery(deal.deliveryId);
  const schedule = useScheduleDelivery();
  const canManage = permissionScope(me, 'deliveries.manage') !== null;
  if (deal.deliveryId) {
    const d = delivery.data;
    return (
      <Space direction="vertical" style={{ width: '100%' }} data-testid="delivery-tab">
        {d && (
          <>
            <Space>
              <Typography.Text strong>{d.number}</Typography.Text>
              <RecordStatusTag status={d.status} label={t(`sales.deliveryStatuses.${d.status}`)} />
              <span>
                {formatInstant(d.scheduledAt)} · {d.place}
              </span>
            </Space>
            <DeliveryBlockers delivery={d} />
          </>
        )}
        <Link to={`/deliveries/${deal.deliveryId}`}>{t('sales.delivery.open')}</Link>
      </Space>
    );
  }
  if (deal.status !== 'contracted' || !canManage)
    return <Alert type="info" showIcon title={t('sales.delivery.signFirst')} />;
  return (
    <Form
      form={form}
      layout="inline"
      data-testid="delivery-schedule"
      initialValues={{ scheduledAt: dayjs().add(1, 'day').hour(10).minute(0).second(0) }}
      onFinish={(v) =>
        schedule.mutate(
          { dealId: deal.id, scheduledAt: v.scheduledAt.toISOString(), place: v.place },
          {
            onSuccess: (d) => {
              void message.success(t('sales.delivery.scheduled', { number: d.number }));
              void navigate(`/deliveries/${d.id}`);
            },
            onError: (e) => setFailure(describeError(e)),
          },
        )
      }
    >
      <Form.Item
        name="scheduledAt"
        label={t('sales.delivery.scheduledAt')}
        rules={[{ required: true, message: t('sales.required') }]}
      >
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          aria-label={t('sales.delivery.scheduledAt')}
        />
      </Form.Item>
      <Form.Item
        name="place"
        label={t('sales.delivery.place')}
        rules={[{ required: true, message: t('sales.required') }]}
      >
        <Input style={{ width: 240 }} maxLength={200} aria-label={t('sales.delivery.place')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={schedule.isPending}>
        {t('sales.delivery.schedule')}
      </Button>
      {failure && <Alert type="error" showIcon title={failure} style={{ width: '100%', marginTop: 8 }} />}
    </Form>
  );
}
