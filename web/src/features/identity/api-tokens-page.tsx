import { useState } from 'react';
import { Alert, App, Button, Empty, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import type { ApiToken } from './api-tokens-api';
import { useCreateApiToken, useMyApiTokens, useRevokeApiToken } from './api-tokens-api';
import { formatInstant } from './format';

function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const create = useCreateApiToken();

  const close = () => {
    form.resetFields();
    setFailure(null);
    setSecret(null);
    onClose();
  };

  const submit = ({ name }: { name: string }) => {
    setFailure(null);
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: ({ token }) => setSecret(token),
        onError: (error) => {
          applyFieldErrors(form, error, ['name']);
          setFailure(describeError(error));
        },
      },
    );
  };

  return (
    <Modal
      title={secret ? t('apiTokens.createdTitle') : t('apiTokens.createTitle')}
      open={open}
      onCancel={close}
      onOk={secret ? close : () => form.submit()}
      okText={secret ? t('common.close') : t('common.create')}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ style: secret ? { display: 'none' } : undefined }}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {secret ? (
        <>
          <Alert type="warning" showIcon title={t('apiTokens.createdOnce')} style={{ marginBottom: 12 }} />
          <Typography.Paragraph code copyable data-testid="new-api-token" style={{ wordBreak: 'break-all' }}>
            {secret}
          </Typography.Paragraph>
        </>
      ) : (
        <>
          {failure && (
            <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 12 }} />
          )}
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item
              name="name"
              label={t('apiTokens.name')}
              rules={[{ required: true, whitespace: true, message: t('apiTokens.nameRequired') }]}
            >
              <Input placeholder={t('apiTokens.namePlaceholder')} maxLength={60} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

/** Administration → My API tokens: create (shown once) and revoke. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tokens = useMyApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<ApiToken> = [
    { title: t('apiTokens.name'), dataIndex: 'name' },
    { title: t('apiTokens.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatInstant(at) },
    {
      title: t('apiTokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (at: string | null) => (at ? formatInstant(at) : t('apiTokens.never')),
    },
    {
      title: t('apiTokens.status'),
      dataIndex: 'revokedAt',
      render: (revokedAt: string | null) =>
        revokedAt ? <Tag>{t('apiTokens.revoked')}</Tag> : <Tag color="green">{t('apiTokens.active')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, token) =>
        !token.revokedAt && (
          <Popconfirm
            title={t('apiTokens.revokeConfirm')}
            okText={t('apiTokens.revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              revoke.mutateAsync(token.id).then(
                () => void message.success(t('apiTokens.revokedMessage')),
                (error: unknown) => void message.error(describeError(error)),
              )
            }
          >
            <Button size="small" type="link" danger>
              {t('apiTokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('apiTokens.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('apiTokens.new')}
          </Button>
        }
      />
      <div className="fc-panel">
        <Typography.Paragraph type="secondary">{t('apiTokens.intro')}</Typography.Paragraph>
        {tokens.isError && (
          <Alert type="error" showIcon title={describeError(tokens.error)} style={{ marginBottom: 12 }} />
        )}
        <Table<ApiToken>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={tokens.data ?? []}
          loading={tokens.isPending}
          pagination={false}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apiTokens.empty')} />,
          }}
        />
      </div>
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
