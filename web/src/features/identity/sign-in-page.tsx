import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/form-errors';
import { Brand } from '../../app-shell/brand';
import { LanguageSwitch } from '../../app-shell/language-switch';
import { useSignIn } from './auth-api';

interface Credentials {
  username: string;
  password: string;
}

/** Sign-in: wrong credentials and rate limits show the server's localised message. */
export function SignInPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [form] = Form.useForm<Credentials>();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = (values: Credentials) => {
    setFailure(null);
    signIn.mutate(values, {
      onError: (error) => {
        setFailure(describeError(error));
        form.setFieldValue('password', '');
      },
    });
  };

  return (
    <div className="fc-sign-in">
      <aside className="fc-sign-in-aside">
        <Brand subtitle={false} />
        <div>
          <h2>{t('app.fullName')}</h2>
          <p>{t('app.tagline')}</p>
        </div>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.5)' }}>© Forecourt · AGPL-3.0</Typography.Text>
      </aside>
      <main className="fc-sign-in-main">
        <div className="fc-sign-in-lang">
          <LanguageSwitch />
        </div>
        <div style={{ width: '100%', maxWidth: 340, margin: '0 auto' }}>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {t('signIn.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
          {failure && (
            <Alert
              type="error"
              showIcon
              title={failure}
              role="alert"
              style={{ marginBottom: 16 }}
              data-testid="sign-in-error"
            />
          )}
          <Form<Credentials>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            size="large"
          >
            <Form.Item
              name="username"
              label={t('signIn.username')}
              rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('signIn.password')}
              rules={[{ required: true, message: t('signIn.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
              {t('signIn.submit')}
            </Button>
          </Form>
        </div>
      </main>
    </div>
  );
}
