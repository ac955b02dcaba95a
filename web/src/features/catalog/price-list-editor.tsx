import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, Popconfirm, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PriceList, PriceListItemInput } from '@common/catalog/price-list.schemas';
import { priceListActionsFrom } from '@common/catalog/price-list.status';
import type { PriceListAction } from '@common/catalog/price-list.status';
import { fenToYuanString, parseYuanToFen } from '@common/rules/money';
import { isApiError } from '../../api/api-client';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import type { LineValues } from './price-list-lines';
import { PriceListLines } from './price-list-lines';
import {
  useCreatePriceList,
  usePatchPriceList,
  usePriceList,
  usePriceListTransition,
} from './price-lists-api';
import { PriceListStatusTag } from './price-list-status-tag';

interface EditorValues {
  name: string;
  effectiveFrom: Dayjs;
  effectiveTo?: Dayjs | null;
  items: LineValues[];
}

const fieldNames = ['name', 'effectiveFrom', 'effectiveTo', 'items'];
const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const yuan = (fen: number | null) => (fen === null ? undefined : fenToYuanString(fen));

function toValues(list: PriceList): EditorValues {
  return {
    name: list.name,
    effectiveFrom: dayjs(list.effectiveFrom),
    effectiveTo: list.effectiveTo ? dayjs(list.effectiveTo) : null,
    items: list.items.map((i) => ({
      itemKind: i.itemKind,
      itemRef: i.itemRef,
      name: i.name,
      guidePrice: yuan(i.guidePrice),
      displayPrice: yuan(i.displayPrice),
    })),
  };
}

function toItems(lines: LineValues[]): PriceListItemInput[] {
  return lines.map((l) => ({
    itemKind: l.itemKind,
    itemRef: l.itemRef ?? '',
    name: l.name?.trim() || null,
    guidePrice: l.guidePrice ? parseYuanToFen(l.guidePrice) : null,
    displayPrice: parseYuanToFen(l.displayPrice ?? '') ?? 0,
  }));
}

/** Creates a draft (id null) or edits one; a published list is read-only and can only be withdrawn. */
export function PriceListEditor({
  id,
  storeId,
  open,
  onClose,
  onCreated,
}: {
  id: string | null;
  storeId: string | null;
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditorValues>();
  const [failure, setFailure] = useState<{ title: string; detail?: string } | null>(null);
  const list = usePriceList(open ? id : null);
  const create = useCreatePriceList();
  const patch = usePatchPriceList(id ?? '');
  const transition = usePriceListTransition(id ?? '');
  const data = id ? list.data : undefined;
  const editable = !id || data?.status === 'draft';
  const labels = useMemo(
    () => new Map((data?.items ?? []).map((i) => [`${i.itemKind}:${i.itemRef}`, i.itemLabel ?? i.itemRef])),
    [data],
  );

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    if (data) form.setFieldsValue(toValues(data));
    else if (!id) form.setFieldsValue({ name: '', effectiveFrom: dayjs(), effectiveTo: null, items: [] });
  }, [open, id, data, form]);

  const fail = (error: unknown) => {
    if (isApiError(error, 409)) {
      setFailure({ title: t('common.conflictTitle'), detail: t('common.conflictDetail') });
      void list.refetch();
      return;
    }
    const details = applyFieldErrors(form, error, fieldNames);
    setFailure({ title: describeError(error), detail: details.join('; ') || undefined });
  };

  const submit = (v: EditorValues) => {
    setFailure(null);
    const common = {
      name: v.name.trim(),
      effectiveFrom: day(v.effectiveFrom),
      effectiveTo: v.effectiveTo ? day(v.effectiveTo) : null,
      items: toItems(v.items ?? []),
    };
    if (!id) {
      if (!storeId) return;
      create.mutate(
        { storeId, ...common },
        {
          onSuccess: (saved) => (void message.success(t('common.created')), onCreated(saved.id)),
          onError: fail,
        },
      );
    } else if (data) {
      patch.mutate(
        { version: data.version, ...common },
        { onSuccess: () => void message.success(t('common.saved')), onError: fail },
      );
    }
  };

  // withdrawing a draft discards it: it was never on display, so the button says so
  const wording = (action: PriceListAction) =>
    action === 'withdraw' && data?.status === 'draft' ? 'discard' : action;
  const run = (action: PriceListAction) => {
    const word = wording(action);
    transition.mutate(action, {
      onSuccess: () => void message.success(t(`catalog.priceLists.done.${word}`)),
      onError: fail,
    });
  };

  const actions = data ? priceListActionsFrom(data.status) : [];
  return (
    <Drawer
      title={
        <Space>
          {id ? (data?.name ?? t('app.loading')) : t('catalog.priceLists.new')}
          {data && <PriceListStatusTag status={data.status} />}
        </Space>
      }
      open={open}
      onClose={onClose}
      size={1040}
      destroyOnHidden
      footer={
        <Flex justify="space-between">
          <Space>
            {actions.map((action) => (
              <Popconfirm
                key={action}
                title={t(`catalog.priceLists.confirm.${wording(action)}`)}
                onConfirm={() => run(action)}
              >
                <Button danger={action === 'withdraw'} loading={transition.isPending}>
                  {t(`catalog.priceLists.actions.${wording(action)}`)}
                </Button>
              </Popconfirm>
            ))}
          </Space>
          <Space>
            <Button onClick={onClose}>{t('common.close')}</Button>
            {editable && (
              <Button
                type="primary"
                loading={create.isPending || patch.isPending}
                onClick={() => form.submit()}
              >
                {id ? t('common.save') : t('catalog.priceLists.createDraft')}
              </Button>
            )}
          </Space>
        </Flex>
      }
    >
      {id && list.isPending && <Spin />}
      {list.isError && <Alert type="error" showIcon title={describeError(list.error)} />}
      {!editable && data && (
        <Alert type="info" showIcon title={t('catalog.priceLists.readOnly')} style={{ marginBottom: 16 }} />
      )}
      {failure && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={failure.title}
          description={failure.detail}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<EditorValues> form={form} layout="vertical" onFinish={submit} disabled={!editable}>
        <Flex gap={12}>
          <Form.Item
            name="name"
            label={t('catalog.priceLists.name')}
            style={{ flex: 1 }}
            rules={[{ required: true, whitespace: true, message: t('catalog.validation.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label={t('catalog.priceLists.effectiveFrom')}
            rules={[{ required: true, message: t('catalog.validation.required') }]}
          >
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="effectiveTo" label={t('catalog.priceLists.effectiveTo')}>
            <DatePicker placeholder={t('catalog.priceLists.openEnded')} />
          </Form.Item>
        </Flex>
        <PriceListLines form={form} labels={labels} disabled={!editable} />
      </Form>
    </Drawer>
  );
}
