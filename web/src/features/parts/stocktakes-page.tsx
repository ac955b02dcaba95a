import { useState } from 'react';
import { App, Button, Empty, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { stocktakeScopes } from '@common/parts/stocktake.schemas';
import type { Me } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { ListFooter } from '../../app-shell/list-footer';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { permissionScope, useMe } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { writeStore } from './money-input';
import type { StocktakeSummary } from './parts-api';
import { useCreateStocktake, useStocktakes } from './parts-api';
import '../catalog/catalog.css';

function Stocktakes({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { storeId } = useSelectedStore();
  const list = useStocktakes(storeId);
  const create = useCreateStocktake();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{
    scope: (typeof stocktakeScopes)[number];
    scopeValue?: string;
    blind: boolean;
  }>();
  const scope = Form.useWatch('scope', form);
  const sheets = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: TableColumnsType<StocktakeSummary> = [
    {
      title: t('parts.stocktakes.number'),
      dataIndex: 'number',
      render: (n: string, s) => (
        <Link className="fc-mono" to={`/stocktakes/${s.id}`}>
          {n}
        </Link>
      ),
    },
    {
      title: t('parts.stocktakes.scope'),
      key: 'scope',
      render: (_, s) =>
        `${t(`parts.stocktakes.scopes.${s.scope}`)}${s.scopeValue ? ` · ${s.scopeValue}` : ''}`,
    },
    {
      title: t('parts.stocktakes.status'),
      dataIndex: 'status',
      render: (v: StocktakeSummary['status']) => <Tag>{t(`parts.stocktakes.statuses.${v}`)}</Tag>,
    },
    {
      title: t('parts.stocktakes.blind'),
      dataIndex: 'blind',
      render: (b: boolean) => (b ? t('common.yes') : t('common.no')),
    },
    { title: t('parts.fields.at'), dataIndex: 'createdAt', render: (v: string) => formatInstant(v) },
  ];
  return (
    <>
      <PageHeader
        title={t('parts.stocktakes.title')}
        extra={
          permissionScope(me, 'parts.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {t('parts.stocktakes.new')}
            </Button>
          )
        }
      />
      <div className="fc-panel">
        <Table<StocktakeSummary>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={sheets}
          loading={list.isPending}
          pagination={false}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('parts.stocktakes.empty')} />
            ),
          }}
        />
        <ListFooter shown={sheets.length} list={list} />
      </div>
      <Modal
        title={t('parts.stocktakes.new')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ scope: 'bin', blind: true }}
          onFinish={(v) =>
            create.mutate(
              {
                storeId: writeStore(storeId, me.stores),
                scope: v.scope,
                scopeValue: v.scope === 'full' ? undefined : v.scopeValue,
                blind: v.blind,
              },
              {
                onSuccess: (sheet) => {
                  setOpen(false);
                  void navigate(`/stocktakes/${sheet.id}`);
                },
                onError: (error) => void message.error(describeError(error)),
              },
            )
          }
        >
          <Form.Item name="scope" label={t('parts.stocktakes.scope')}>
            <Select
              options={stocktakeScopes.map((s) => ({ value: s, label: t(`parts.stocktakes.scopes.${s}`) }))}
            />
          </Form.Item>
          {scope !== 'full' && (
            <Form.Item
              name="scopeValue"
              label={t('parts.stocktakes.scopeValue')}
              rules={[{ required: true, message: t('parts.required') }]}
            >
              <Input className="fc-mono" />
            </Form.Item>
          )}
          <Form.Item name="blind" label={t('parts.stocktakes.blind')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Parts → Stocktakes: count sheets by location or class (盘点). */
export function StocktakesPage() {
  const me = useMe();
  return me.data ? <Stocktakes me={me.data} /> : null;
}
