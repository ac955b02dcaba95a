import {
  App,
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
  TimePicker,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { workshopSkills } from '@common/service/workshop.schemas';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { formatFen, useLaborOperations, useWorkshop } from './service-api';
import { centiHours, keys } from './service-tags';
import { CampaignsCard } from './workshop-campaigns-card';
import { useSetupWrite, useStoreTechnicians, type SaveSettings } from './workshop-setup-api';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function SettingsCard({ storeId }: { storeId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const workshop = useWorkshop(storeId);
  const save = useSetupWrite<SaveSettings>('put', '/workshop-resources/settings');
  const [form] = Form.useForm();
  const s = workshop.data?.settings;
  if (!s) return null;
  return (
    <Card size="small" title={t('service.setup.settings')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          labourRate: s.labourRate / 100,
          hours: [dayjs(s.opensAt, 'HH:mm'), dayjs(s.closesAt, 'HH:mm')],
          openDays: s.openDays,
          slotMinutes: s.slotMinutes,
          firstResponseMinutes: s.firstResponseMinutes,
          followUpDays: s.followUpDays,
        }}
        onFinish={(v: {
          labourRate: number;
          hours: [dayjs.Dayjs, dayjs.Dayjs];
          openDays: number[];
          slotMinutes: number;
          firstResponseMinutes: number;
          followUpDays: number;
        }) =>
          save.mutate(
            {
              storeId,
              ...(s.version ? { version: s.version } : {}),
              labourRate: Math.round(v.labourRate * 100),
              opensAt: v.hours[0].format('HH:mm'),
              closesAt: v.hours[1].format('HH:mm'),
              openDays: v.openDays,
              slotMinutes: v.slotMinutes,
              firstResponseMinutes: v.firstResponseMinutes,
              followUpDays: v.followUpDays,
            },
            {
              onSuccess: () => void message.success(t('service.setup.saved')),
              onError: (e) => {
                applyFieldErrors(form, e, [
                  'labourRate',
                  'openDays',
                  'slotMinutes',
                  'firstResponseMinutes',
                  'followUpDays',
                ]);
                void message.error(describeError(e));
              },
            },
          )
        }
      >
        <Space wrap size={16}>
          <Form.Item name="labourRate" label={t('service.setup.labourRate')}>
            <InputNumber
              min={0}
              precision={2}
              prefix="¥"
              suffix={t('service.setup.perHour')}
              style={{ width: 180 }}
            />
          </Form.Item>
          <Form.Item name="hours" label={t('service.setup.hours')}>
            <TimePicker.RangePicker format="HH:mm" minuteStep={15} allowClear={false} />
          </Form.Item>
          <Form.Item name="slotMinutes" label={t('service.setup.slotMinutes')}>
            <InputNumber min={15} max={240} step={15} />
          </Form.Item>
          <Form.Item name="firstResponseMinutes" label={t('service.setup.firstResponse')}>
            <InputNumber min={5} max={10080} />
          </Form.Item>
          <Form.Item name="followUpDays" label={t('service.setup.followUpDays')}>
            <InputNumber min={1} max={30} />
          </Form.Item>
        </Space>
        <Form.Item name="openDays" label={t('service.setup.openDays')}>
          <Checkbox.Group
            options={weekdays.map((d, i) => ({ value: i + 1, label: t(`service.setup.weekdays.${d}`) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('service.setup.save')}
        </Button>
      </Form>
    </Card>
  );
}

function useSkillOptions() {
  const { t } = useTranslation();
  return workshopSkills.map((s) => ({ value: s, label: t(keys.skill(s)) }));
}

function ResourcesCard({ storeId }: { storeId: string }) {
  const { t } = useTranslation();
  const skills = useSkillOptions();
  const { message } = App.useApp();
  const workshop = useWorkshop(storeId);
  const users = useStoreTechnicians(storeId);
  const addBay = useSetupWrite<{ storeId: string; code: string; name: string; skills: string[] }>(
    'post',
    '/workshop-resources/bays',
  );
  const addTech = useSetupWrite<{ storeId: string; userId: string; skills: string[] }>(
    'post',
    '/workshop-resources/technicians',
  );
  const [bayForm] = Form.useForm();
  const [techForm] = Form.useForm();
  const failed = (e: unknown) => void message.error(describeError(e));
  const registered = new Set((workshop.data?.technicians ?? []).map((x) => x.userId));
  const skillTags = (skills: string[]) => skills.map((s) => <Tag key={s}>{t(keys.skill(s))}</Tag>);
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('service.setup.bays')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={workshop.data?.bays ?? []}
            columns={[
              { title: t('service.setup.code'), dataIndex: 'code' },
              { title: t('service.setup.name'), dataIndex: 'name' },
              { title: t('service.setup.skills'), render: (_: unknown, b) => skillTags(b.skills) },
            ]}
          />
          <Form
            form={bayForm}
            layout="inline"
            style={{ marginTop: 8, rowGap: 8 }}
            initialValues={{ skills: [] }}
            onFinish={(v) =>
              addBay.mutate({ storeId, ...v }, { onSuccess: () => bayForm.resetFields(), onError: failed })
            }
          >
            <Form.Item name="code" rules={[{ required: true, message: t('service.setup.required') }]}>
              <Input placeholder={t('service.setup.code')} style={{ width: 80 }} />
            </Form.Item>
            <Form.Item name="name" rules={[{ required: true, message: t('service.setup.required') }]}>
              <Input placeholder={t('service.setup.name')} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="skills">
              <Select
                mode="multiple"
                style={{ minWidth: 160 }}
                placeholder={t('service.setup.skills')}
                options={skills}
              />
            </Form.Item>
            <Button htmlType="submit" loading={addBay.isPending}>
              {t('service.setup.add')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('service.setup.technicians')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={workshop.data?.technicians ?? []}
            columns={[
              { title: t('service.setup.name'), dataIndex: 'name' },
              { title: t('service.setup.skills'), render: (_: unknown, x) => skillTags(x.skills) },
            ]}
          />
          <Form
            form={techForm}
            layout="inline"
            style={{ marginTop: 8, rowGap: 8 }}
            initialValues={{ skills: ['general'] }}
            onFinish={(v) =>
              addTech.mutate({ storeId, ...v }, { onSuccess: () => techForm.resetFields(), onError: failed })
            }
          >
            <Form.Item name="userId" rules={[{ required: true, message: t('service.setup.required') }]}>
              <Select
                style={{ width: 160 }}
                placeholder={t('service.setup.technicianUser')}
                options={(users.data ?? [])
                  .filter((u) => !registered.has(u.id))
                  .map((u) => ({ value: u.id, label: u.displayName }))}
              />
            </Form.Item>
            <Form.Item name="skills">
              <Select mode="multiple" style={{ minWidth: 160 }} options={skills} />
            </Form.Item>
            <Button htmlType="submit" loading={addTech.isPending}>
              {t('service.setup.add')}
            </Button>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}

function JobsCard({ storeId }: { storeId: string }) {
  const { t } = useTranslation();
  const skills = useSkillOptions();
  const { message } = App.useApp();
  const ops = useLaborOperations(storeId);
  const add = useSetupWrite<{
    storeId: string;
    code: string;
    name: string;
    hoursCenti: number;
    skill: string | null;
  }>('post', '/labor-operations');
  const [form] = Form.useForm();
  return (
    <Card size="small" title={t('service.setup.jobs')}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={ops.data ?? []}
        columns={[
          { title: t('service.setup.code'), dataIndex: 'code' },
          { title: t('service.setup.name'), dataIndex: 'name' },
          { title: t('service.lines.hours'), render: (_: unknown, o) => `${centiHours(o.hoursCenti)} h` },
          {
            title: t('service.setup.skills'),
            render: (_: unknown, o) => (o.skill ? t(keys.skill(o.skill)) : '—'),
          },
          {
            title: t('service.lines.amount'),
            align: 'right' as const,
            render: (_: unknown, o) => formatFen(o.price),
          },
        ]}
      />
      <Form
        form={form}
        layout="inline"
        style={{ marginTop: 8, rowGap: 8 }}
        onFinish={(v: { code: string; name: string; hours: number; skill?: string }) =>
          add.mutate(
            {
              storeId,
              code: v.code,
              name: v.name,
              hoursCenti: Math.round(v.hours * 100),
              skill: v.skill ?? null,
            },
            { onSuccess: () => form.resetFields(), onError: (e) => void message.error(describeError(e)) },
          )
        }
      >
        <Form.Item name="code" rules={[{ required: true, message: t('service.setup.required') }]}>
          <Input placeholder={t('service.setup.code')} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true, message: t('service.setup.required') }]}>
          <Input placeholder={t('service.setup.name')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="hours" rules={[{ required: true, message: t('service.setup.required') }]}>
          <InputNumber min={0.01} step={0.1} placeholder={t('service.lines.hours')} />
        </Form.Item>
        <Form.Item name="skill">
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('service.setup.skills')}
            options={skills}
          />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {t('service.setup.add')}
        </Button>
      </Form>
    </Card>
  );
}

/** Workshop setup (H6.3): opening hours and labour rate, bays and technicians with skills, canned jobs, recalls. */
export function WorkshopSetupPage() {
  const { t } = useTranslation();
  const { storeId } = useSelectedStore();
  return (
    <>
      <PageHeader title={t('service.setup.title')} />
      {!storeId ? (
        <Alert type="info" showIcon title={t('catalog.chooseStore')} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <SettingsCard key={storeId} storeId={storeId} />
          <ResourcesCard storeId={storeId} />
          <JobsCard storeId={storeId} />
          <CampaignsCard />
        </Space>
      )}
    </>
  );
}
