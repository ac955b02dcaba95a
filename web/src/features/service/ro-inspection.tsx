import { App, Button, Card, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { estimateOpenStatuses } from '@common/service/repair-order.status';
import { describeError } from '../../api/form-errors';
import { useOrderAction, type RepairOrder } from './service-api';
import { keys } from './service-tags';

const ratingColor: Record<string, string> = { green: 'green', yellow: 'gold', red: 'red' };

/** The digital inspection: green / yellow / red items that go to the customer with the estimate. */
export function InspectionCard({ order, editable }: { order: RepairOrder; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useOrderAction(order.id);
  const [form] = Form.useForm<{ item: string; rating: string; note?: string }>();
  const open = ['open', ...estimateOpenStatuses].includes(order.status);
  return (
    <Card size="small" title={t('service.order.inspection')}>
      <List
        size="small"
        dataSource={order.inspection}
        locale={{ emptyText: t('service.inspection.none') }}
        renderItem={(i) => (
          <List.Item>
            <Space>
              <Tag color={ratingColor[i.rating]}>{t(keys.rating(i.rating))}</Tag>
              {i.item}
              {i.note && <Typography.Text type="secondary">{i.note}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      {editable && open && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ rating: 'green' }}
          style={{ marginTop: 8, rowGap: 8 }}
          onFinish={(v) =>
            action.mutate(
              {
                path: '/inspection',
                body: {
                  version: order.version,
                  items: [{ item: v.item, rating: v.rating, note: v.note || null }],
                },
              },
              {
                onSuccess: () => form.resetFields(['item', 'note']),
                onError: (e) => void message.error(describeError(e)),
              },
            )
          }
        >
          <Form.Item name="item" rules={[{ required: true, message: t('service.inspection.itemRequired') }]}>
            <Input placeholder={t('service.inspection.item')} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="rating">
            <Radio.Group
              options={(['green', 'yellow', 'red'] as const).map((r) => ({
                value: r,
                label: t(keys.rating(r)),
              }))}
              optionType="button"
            />
          </Form.Item>
          <Form.Item name="note">
            <Input placeholder={t('service.inspection.note')} style={{ width: 140 }} />
          </Form.Item>
          <Button htmlType="submit" loading={action.isPending}>
            {t('service.inspection.add')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
