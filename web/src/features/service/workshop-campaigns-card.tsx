import { App, Button, Card, Form, Input, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { useCampaigns, useSetupWrite, type CreateCampaign } from './workshop-setup-api';

/** Recall and service campaigns of the maker (召回/服务活动): the VINs they cover, by list or range. */
export function CampaignsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const campaigns = useCampaigns();
  const add = useSetupWrite<CreateCampaign>('post', '/service-campaigns');
  const [form] = Form.useForm();
  return (
    <Card size="small" title={t('service.setup.campaigns')}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={campaigns.data ?? []}
        columns={[
          { title: t('service.setup.code'), dataIndex: 'code' },
          { title: t('service.setup.campaignTitle'), dataIndex: 'title' },
          {
            title: t('service.setup.vins'),
            render: (_: unknown, c) =>
              [
                c.vinCount ? t('service.setup.vinCount', { count: c.vinCount }) : null,
                c.vinFrom ? `${c.vinFrom} – ${c.vinTo}` : null,
              ]
                .filter(Boolean)
                .join(' · '),
          },
          { title: t('service.setup.startsOn'), dataIndex: 'startsOn' },
        ]}
      />
      <Form
        form={form}
        layout="vertical"
        style={{ marginTop: 8 }}
        initialValues={{ kind: 'recall', startsOn: dayjs().format('YYYY-MM-DD') }}
        onFinish={(v: {
          code: string;
          title: string;
          kind: 'recall' | 'service';
          vins?: string;
          vinFrom?: string;
          vinTo?: string;
          startsOn: string;
        }) =>
          add.mutate(
            {
              code: v.code,
              title: v.title,
              kind: v.kind,
              vins: (v.vins ?? '').split(/[\s,]+/).filter(Boolean),
              vinFrom: v.vinFrom || null,
              vinTo: v.vinTo || null,
              startsOn: v.startsOn,
            },
            {
              onSuccess: () => form.resetFields(),
              onError: (e) => {
                applyFieldErrors(form, e, ['code', 'title', 'vins', 'vinFrom', 'vinTo', 'startsOn']);
                void message.error(describeError(e));
              },
            },
          )
        }
      >
        <Space wrap>
          <Form.Item
            name="code"
            label={t('service.setup.code')}
            rules={[{ required: true, message: t('service.setup.required') }]}
          >
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('service.setup.campaignTitle')}
            rules={[{ required: true, message: t('service.setup.required') }]}
          >
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="kind" label={t('service.setup.kind')}>
            <Select
              style={{ width: 120 }}
              options={[
                { value: 'recall', label: t('service.setup.kinds.recall') },
                { value: 'service', label: t('service.setup.kinds.service') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="startsOn"
            label={t('service.setup.startsOn')}
            rules={[{ required: true, message: t('service.setup.required') }]}
          >
            <Input style={{ width: 120 }} placeholder="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="vinFrom" label={t('service.setup.vinFrom')}>
            <Input style={{ width: 200 }} maxLength={17} />
          </Form.Item>
          <Form.Item name="vinTo" label={t('service.setup.vinTo')}>
            <Input style={{ width: 200 }} maxLength={17} />
          </Form.Item>
        </Space>
        <Form.Item name="vins" label={t('service.setup.vinList')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {t('service.setup.add')}
        </Button>
      </Form>
    </Card>
  );
}
