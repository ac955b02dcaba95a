import type { ReactNode } from 'react';
import { App as AntdApp, ConfigProvider, theme } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import type { Language } from '@common/identity/user.schemas';
import { usePrefersReducedMotion } from './reduced-motion';

const antdLocales: Record<Language, Locale> = { 'zh-CN': zhCN, en: enUS };

export const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', sans-serif";

/** antd in the UI language (built-in texts, date formats) with Forecourt's dense, calm look; no motion when the user asked for less. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const reducedMotion = usePrefersReducedMotion();
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');

  return (
    <ConfigProvider
      locale={antdLocales[language]}
      button={{ autoInsertSpace: false }}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: { colorPrimary: '#1f4e8c', borderRadius: 6, fontFamily, fontSize: 14, motion: !reducedMotion },
        components: {
          Layout: { siderBg: '#0f1f33', headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 16px' },
          Menu: { darkItemBg: '#0f1f33', darkSubMenuItemBg: '#0f1f33', darkItemSelectedBg: '#1f4e8c' },
          Table: { cellPaddingBlockSM: 6 },
        },
      }}
    >
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
