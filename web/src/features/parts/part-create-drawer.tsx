import { useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { partClasses, partOrigins } from '@common/parts/part.enums';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { useModels } from '../catalog/catalog-api';
import { localName } from '../catalog/catalog-format';
import { toFen, yuanRule } from './money-input';
import { useCreatePart } from './parts-api';

interface Values {
  partNo: string;
  name: string;
  nameEn: string;
  brand?: string;
  category: string;
  class: (typeof partClasses)[number];
  origin: (typeof partOrigins)[number];
  unit: string;
  listPrice: string;
  standardCost: string;
  barcodes?: string;
  modelIds?: string[];
}

const fieldNames = [
  'partNo',
  'name',
  'nameEn',
  'brand',
  'category',
  'class',
  'origin',
  'unit',
  'listPrice',
  'standardCost',
  'barcodes',
];

/** Adds a part to the group's parts master: number, names, origin label, prices, barcodes, fitment. */
export function PartCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const create = useCreatePart();
  const models = useModels();
  const required = [{ required: true, message: t('parts.required') }];

  const submit = (v: Values) => {
    setFailure(null);
    create.mutate(
      {
        partNo: v.partNo.trim(),
        name: v.name,
        nameEn: v.nameEn,
        brand: v.brand?.trim() || null,
        category: v.category,
        class: v.class,
        origin: v.origin,
        unit: v.unit,
        listPrice: toFen(v.listPrice),
        standardCost: toFen(v.standardCost),
        barcodes: (v.barcodes ?? '')
          .split(/[\s,，]+/)
          .map((b) => b.trim())
          .filter(Boolean),
        fitments: (v.modelIds ?? []).map((modelId) => ({ modelId })),
      },
      {
        onSuccess: (part) => {
          void message.success(t('parts.created', { partNo: part.partNo }));
          form.resetFields();
          onClose();
          void navigate(`/parts/${part.id}`);
        },
        onError: (error) => {
          applyFieldErrors(form, error, fieldNames);
          setFailure(describeError(error));
        },
      },
    );
  };

  return (
    <Drawer
      title={t('parts.newPart')}
      open={open}
      onClose={onClose}
      size={560}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('common.create')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ class: 'common', origin: 'original', unit: 'pc' }}
      >
        <Form.Item name="partNo" label={t('parts.fields.partNo')} rules={required}>
          <Input className="fc-mono" />
        </Form.Item>
        <Form.Item name="name" label={t('parts.fields.name')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('parts.fields.nameEn')} rules={required}>
          <Input />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="category" label={t('parts.fields.category')} rules={required} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="brand" label={t('parts.fields.brand')} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="unit" label={t('parts.fields.unit')} rules={required} style={{ width: 90 }}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="class" label={t('parts.fields.class')} style={{ flex: 1 }}>
            <Select options={partClasses.map((c) => ({ value: c, label: t(`parts.classes.${c}`) }))} />
          </Form.Item>
          <Form.Item name="origin" label={t('parts.fields.origin')} style={{ flex: 1 }}>
            <Select options={partOrigins.map((o) => ({ value: o, label: t(`parts.origins.${o}`) }))} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item
            name="listPrice"
            label={t('parts.fields.listPrice')}
            rules={[...required, yuanRule(t('parts.moneyFormat'))]}
            style={{ flex: 1 }}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item
            name="standardCost"
            label={t('parts.fields.standardCost')}
            rules={[...required, yuanRule(t('parts.moneyFormat'))]}
            style={{ flex: 1 }}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </Space.Compact>
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
      </Form>
    </Drawer>
  );
}
