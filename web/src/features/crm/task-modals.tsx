import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { taskOutcomes, taskTypes, type Task } from '@common/crm/task.schemas';
import { describeError } from '../../api/form-errors';
import { CustomerSelect } from './customer-select';
import { useCompleteTask, useCreateTask } from './tasks-api';

/** Done: how the call or visit went, so the next person knows. */
export function TaskCompleteModal({ task, onClose }: { task: Task | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: NonNullable<Task['outcome']>; note?: string }>();
  const complete = useCompleteTask();
  return (
    <Modal
      title={task ? `${t('myDay.completeTitle')} · ${task.title}` : ''}
      open={!!task}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={complete.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          complete.mutate(
            { task: task!, outcome: v.outcome, note: v.note?.trim() || undefined },
            {
              onSuccess: () => {
                void message.success(t('myDay.completed'));
                onClose();
              },
              onError: (e) => void message.error(describeError(e)),
            },
          )
        }
      >
        <Form.Item
          name="outcome"
          label={t('myDay.outcome')}
          rules={[{ required: true, message: t('myDay.outcomeRequired') }]}
        >
          <Select options={taskOutcomes.map((o) => ({ value: o, label: t(`myDay.outcomes.${o}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('myDay.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A follow-up for myself: what, when, and for which customer. */
export function TaskCreateModal({
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
  const [form] = Form.useForm<{ type: Task['type']; title?: string; dueAt?: Dayjs; customerId?: string }>();
  const create = useCreateTask();
  return (
    <Modal
      title={t('myDay.newTask')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ type: 'call' }}
        onFinish={(v) =>
          create.mutate(
            {
              type: v.type,
              title: v.title!.trim(),
              dueAt: v.dueAt!.toISOString(),
              ...(storeId ? { storeId } : {}),
              ...(v.customerId ? { customerId: v.customerId } : {}),
            },
            {
              onSuccess: () => {
                void message.success(t('myDay.taskCreated'));
                form.resetFields();
                onClose();
              },
              onError: (e) => void message.error(describeError(e)),
            },
          )
        }
      >
        <Form.Item name="type" label={t('myDay.taskType')} rules={[{ required: true }]}>
          <Select options={taskTypes.map((k) => ({ value: k, label: t(`myDay.taskTypes.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('myDay.taskTitle')}
          rules={[{ required: true, whitespace: true, message: t('myDay.taskRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="dueAt"
          label={t('myDay.taskDue')}
          rules={[{ required: true, message: t('myDay.dueRequired') }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="customerId" label={t('myDay.taskCustomer')}>
          <CustomerSelect storeId={storeId} allowClear />
        </Form.Item>
      </Form>
    </Modal>
  );
}
