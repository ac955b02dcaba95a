import { Suspense, useState } from 'react';
import { Button, Flex, Layout, Result } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router-dom';
import type { Me } from '@common/identity/user.schemas';
import { Brand } from './brand';
import { LanguageSwitch } from './language-switch';
import { visibleDetailRoutes, visibleEntries } from './menu-entries';
import { PageErrorBoundary, PageLoading } from './route-fallback';
import { SideMenu } from './side-menu';
import { SelectedStoreProvider } from './store-context';
import { StoreSwitcher } from './store-switcher';
import { UserMenu } from './user-menu';

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('app.notFound')}
      extra={<Link to="/">{t('app.backToStart')}</Link>}
    />
  );
}

/** The signed-in frame: side menu, header with store, language and user; pages load per route. */
export function ShellLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(false);
  const entries = visibleEntries(me);
  const details = visibleDetailRoutes(me);
  const start = entries[0];

  return (
    <SelectedStoreProvider me={me}>
      <Layout className="fc-shell">
        <Layout.Sider
          className="fc-sider"
          width={224}
          collapsedWidth={64}
          collapsed={collapsed}
          trigger={null}
          collapsible
          // on a phone or a small tablet the menu folds to its icons by itself
          breakpoint="md"
          onBreakpoint={(narrow) => setCollapsed(narrow)}
        >
          <Brand compact={collapsed} />
          <SideMenu entries={entries} collapsed={collapsed} />
        </Layout.Sider>
        <Layout>
          <Layout.Header className="fc-header">
            <Button
              type="text"
              aria-label={collapsed ? t('header.expandMenu') : t('header.collapseMenu')}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
            />
            <Flex align="center" gap={16}>
              <StoreSwitcher me={me} />
              <LanguageSwitch />
              <UserMenu me={me} />
            </Flex>
          </Layout.Header>
          <Layout.Content className="fc-content">
            <PageErrorBoundary>
              <Suspense fallback={<PageLoading />}>
                <Routes>
                  <Route
                    path="/"
                    element={
                      start ? (
                        <Navigate to={start.path} replace />
                      ) : (
                        <Result status="info" title={t('app.noModules')} />
                      )
                    }
                  />
                  {entries.map((entry) => (
                    <Route key={entry.path} path={`${entry.path}/*`} element={<entry.page />} />
                  ))}
                  {details.map((detail) => (
                    <Route key={detail.path} path={detail.path} element={<detail.page />} />
                  ))}
                  <Route path="*" element={<NotFound />} />
                </Routes>
              </Suspense>
            </PageErrorBoundary>
          </Layout.Content>
        </Layout>
      </Layout>
    </SelectedStoreProvider>
  );
}
