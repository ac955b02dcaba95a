import { lazy, Suspense, useEffect } from 'react';
import { Button, Result } from 'antd';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { isApiError, onUnauthorized } from '../api/api-client';
import { applyLanguage } from '../i18n/i18n';
import { meKey, useMe } from '../features/identity/auth-api';
import { AntdProvider } from './antd-provider';
import { PageLoading } from './route-fallback';

// The sign-in page and the shell load on demand, once the session is known: a signed-out visitor never
// downloads the shell (menu, header, pages), a signed-in one never the sign-in form. The entry stays small.
const SignInPage = lazy(() =>
  import('../features/identity/sign-in-page').then((m) => ({ default: m.SignInPage })),
);
const ShellLayout = lazy(() => import('./shell-layout').then((m) => ({ default: m.ShellLayout })));

const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      if (isApiError(error, 401)) queryClient.setQueryData(meKey, null);
    },
  }),
  defaultOptions: {
    queries: { retry: (count, error) => !isApiError(error) && count < 2, refetchOnWindowFocus: false },
  },
});
onUnauthorized(() => queryClient.setQueryData(meKey, null));

/** Signed in: the shell in the user's own language. Signed out: the sign-in page. */
function SessionGate() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const userLanguage = me.data?.user.language;

  useEffect(() => {
    if (userLanguage) void applyLanguage(userLanguage);
  }, [userLanguage]);

  useEffect(() => {
    document.title = t('app.fullName');
  }, [t, i18n.language]);

  if (me.isPending) return <PageLoading />;
  if (me.isError)
    return (
      <Result
        status="warning"
        title={t('app.loadFailed')}
        subTitle={t('common.networkError')}
        extra={<Button onClick={() => void me.refetch()}>{t('app.retry')}</Button>}
      />
    );
  return (
    <Suspense fallback={<PageLoading />}>{me.data ? <ShellLayout me={me.data} /> : <SignInPage />}</Suspense>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AntdProvider>
        <BrowserRouter>
          <SessionGate />
        </BrowserRouter>
      </AntdProvider>
    </QueryClientProvider>
  );
}
