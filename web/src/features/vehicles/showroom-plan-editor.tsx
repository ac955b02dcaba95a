import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { showroomTags } from '@common/vehicles/vehicle.status';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { TrimSelect } from '../catalog/trim-select';
import type { ShowroomPlan } from './showroom-api';
import { useSavePlan, useShowroomCandidates } from './showroom-api';

interface SlotValues {
  slot: string;
  trimId?: string;
  vehicleId?: string | null;
  tags: (typeof showroomTags)[number][];
}
interface PlanValues {
  name: string;
  effectiveFrom: Dayjs;
  slots: SlotValues[];
}

const fieldNames = ['name', 'effectiveFrom', 'slots'];

/** Drafts a plan (plan null) or edits a draft: slots with a trim, optionally the very vehicle, and tags. */
export function ShowroomPlanEditor({
  plan,
  storeId,
  open,
  onClose,
  onSaved,
}: {
  plan: ShowroomPlan | null;
  storeId: string | null;
  open: boolean;
  onClose: () => void;
  onSaved: (plan: ShowroomPlan) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const [failure, setFailure] = useState<{ title: string; detail?: string } | null>(null);
  const save = useSavePlan(plan?.id ?? null);
  const candidates = useShowroomCandidates(plan?.storeId ?? storeId, open);
  const slots = Form.useWatch('slots', form) ?? [];

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.setFieldsValue(
      plan
        ? {
            name: plan.name,
            effectiveFrom: dayjs(plan.effectiveFrom),
            slots: plan.slots.map((s) => ({
              slot: s.slot,
              trimId: s.trimId,
              vehicleId: s.vehicleId,
              tags: s.tags,
            })),
          }
        : { name: '', effectiveFrom: dayjs(), slots: [{ slot: 'A1', tags: [] }] },
    );
  }, [open, plan, form]);

  const submit = (v: PlanValues) => {
    const common = {
      name: v.name.trim(),
      effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
      slots: (v.slots ?? []).map((s) => ({
        slot: s.slot.trim(),
        trimId: s.trimId ?? '',
        vehicleId: s.vehicleId ?? null,
        tags: s.tags ?? [],
      })),
    };
    const input = plan ? { version: plan.version, ...common } : { storeId: storeId ?? '', ...common };
    save.mutate(input, {
      onSuccess: (saved) => {
        void message.success(t('common.saved'));
        onSaved(saved);
      },
      onError: (error) => {
        const details = applyFieldErrors(form, error, fieldNames);
        setFailure({ title: describeError(error), detail: details.join('; ') || undefined });
      },
    });
  };

  const vehiclesFor = (trimId?: string) =>
    (candidates.data ?? [])
      .filter((v) => !trimId || v.trimId === trimId)
      .map((v) => ({ value: v.id, label: v.vin }));

  return (
    <Drawer
      title={plan ? t('stock.showroom.editTitle', { name: plan.name }) : t('stock.showroom.new')}
      open={open}
      onClose={onClose}
      size={900}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {failure && (
        <Alert
          type="warning"
          showIcon
          title={failure.title}
          description={failure.detail}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<PlanValues> form={form} layout="vertical" onFinish={submit}>
        <Flex gap={12}>
          <Form.Item
            name="name"
            label={t('stock.showroom.name')}
            style={{ flex: 1 }}
            rules={[{ required: true, whitespace: true, message: t('catalog.validation.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t('stock.showroom.effectiveFrom')}>
            <DatePicker allowClear={false} />
          </Form.Item>
        </Flex>
        <Form.List name="slots">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    name={[field.name, 'slot']}
                    style={{ width: 90, marginBottom: 0 }}
                    rules={[{ required: true, message: t('catalog.validation.required') }]}
                  >
                    <Input
                      aria-label={t('stock.showroom.slot')}
                      placeholder={t('stock.showroom.slot')}
                      maxLength={20}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'trimId']}
                    style={{ flex: 1, marginBottom: 0 }}
                    rules={[{ required: true, message: t('catalog.validation.required') }]}
                  >
                    <TrimSelect aria-label={t('stock.fields.trim')} placeholder={t('stock.fields.trim')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'vehicleId']} style={{ width: 200, marginBottom: 0 }}>
                    <Select
                      allowClear
                      aria-label={t('stock.showroom.vehicle')}
                      placeholder={t('stock.showroom.vehicle')}
                      className="fc-mono"
                      options={vehiclesFor(slots[field.name]?.trimId)}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'tags']} style={{ width: 220, marginBottom: 0 }}>
                    <Select
                      mode="multiple"
                      aria-label={t('stock.showroom.tagsLabel')}
                      placeholder={t('stock.showroom.tagsLabel')}
                      options={showroomTags.map((tag) => ({
                        value: tag,
                        label: t(`stock.showroom.tags.${tag}`),
                      }))}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('stock.showroom.removeSlot')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ slot: `A${fields.length + 1}`, tags: [] })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('stock.showroom.addSlot')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
