import { Avatar, Button, Dropdown, Space, Typography } from 'antd';
import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Me } from '@common/identity/user.schemas';
import { useSignOut } from '../features/identity/auth-api';

/** The signed-in user's name and role, with sign-out. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const firstRole = me.user.storeRoles[0]?.role;

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'sign-out',
            icon: <LogoutOutlined />,
            label: t('header.signOut'),
            onClick: () => signOut.mutate(),
          },
        ],
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ height: 44 }}>
        <Space size={8}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f4e8c' }} />
          <span
            style={{
              display: 'inline-flex',
              flexDirection: 'column',
              alignItems: 'flex-start',
              lineHeight: 1.2,
            }}
          >
            <Typography.Text strong>{me.user.displayName}</Typography.Text>
            {firstRole && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`roles.${firstRole}`)}
              </Typography.Text>
            )}
          </span>
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </Button>
    </Dropdown>
  );
}
