import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Part } from '@common/parts/part.schemas';
import { partClasses, partOrigins } from '@common/parts/part.enums';
import { fenToYuanString } from '@common/rules/money';
import { api } from '../../api/api-client';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { useModels } from '../catalog/catalog-api';
import { localName } from '../catalog/catalog-format';
import { toFen, yuanRule } from './money-input';
import { partsKey, usePartList } from './parts-api';

interface Values {
  name: string;
  nameEn: string;
  class: Part['class'];
  origin: Part['origin'];
  listPrice: string;
  standardCost: string;
  barcodes: string;
  modelIds: string[];
  supersededById?: string | null;
  active: boolean;
}

/** Changes a part's master data: names, class, origin label, prices, barcodes, fitment and supersession. */
export function PartEditModal({ part, open, onClose }: { part: Part; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const candidates = usePartList({ q: q || undefined });
  const models = useModels();
  const save = useMutation({
    mutationFn: (body: unknown) => api.patch<Part>(`/parts/${encodeURIComponent(part.id)}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: partsKey }),
  });
  const successorOptions = [
    ...(part.supersededById ? [{ value: part.supersededById, label: part.supersededByNo ?? '' }] : []),
    ...(candidates.data?.pages.flatMap((p) => p.items) ?? [])
      .filter((p) => p.id !== part.id && p.id !== part.supersededById)
      .map((p) => ({ value: p.id, label: `${p.partNo} · ${localName(p)}` })),
  ];
  return (
    <Modal
      title={t('common.edit')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={600}
    >
      {save.isError && (
        <Alert type="error" showIcon title={describeError(save.error)} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: part.name,
          nameEn: part.nameEn,
          class: part.class,
          origin: part.origin,
          listPrice: fenToYuanString(part.listPrice),
          standardCost: fenToYuanString(part.standardCost),
          barcodes: part.barcodes.join(' '),
          modelIds: [...new Set(part.fitments.map((f) => f.modelId))],
          supersededById: part.supersededById,
          active: part.active,
        }}
        onFinish={(v) =>
          save.mutate(
            {
              version: part.version,
              name: v.name,
              nameEn: v.nameEn,
              class: v.class,
              origin: v.origin,
              listPrice: toFen(v.listPrice),
              standardCost: toFen(v.standardCost),
              barcodes: v.barcodes.split(/[\s,，]+/).filter(Boolean),
              fitments: v.modelIds.map((modelId) => ({ modelId })),
              supersededById: v.supersededById ?? null,
              active: v.active,
            },
            {
              onSuccess: onClose,
              onError: (error) =>
                applyFieldErrors(form, error, [
                  'name',
                  'nameEn',
                  'listPrice',
                  'standardCost',
                  'barcodes',
                  'supersededById',
                ]),
            },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('parts.fields.name')}
          rules={[{ required: true, message: t('parts.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('parts.fields.nameEn')}
          rules={[{ required: true, message: t('parts.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="class" label={t('parts.fields.class')}>
          <Select options={partClasses.map((c) => ({ value: c, label: t(`parts.classes.${c}`) }))} />
        </Form.Item>
        <Form.Item name="origin" label={t('parts.fields.origin')}>
          <Select options={partOrigins.map((o) => ({ value: o, label: t(`parts.origins.${o}`) }))} />
        </Form.Item>
        <Form.Item
          name="listPrice"
          label={t('parts.fields.listPrice')}
          rules={[yuanRule(t('parts.moneyFormat'))]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item
          name="standardCost"
          label={t('parts.fields.standardCost')}
          rules={[yuanRule(t('parts.moneyFormat'))]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="barcodes" label={t('parts.fields.barcodes')}>
          <Input className="fc-mono" />
        </Form.Item>
        <Form.Item name="modelIds" label={t('parts.fields.fitment')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            options={(models.data ?? []).map((m) => ({ value: m.id, label: localName(m) }))}
          />
        </Form.Item>
        <Form.Item name="supersededById" label={t('parts.supersededBy')}>
          <Select showSearch allowClear filterOption={false} onSearch={setQ} options={successorOptions} />
        </Form.Item>
        <Form.Item name="active" label={t('parts.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
