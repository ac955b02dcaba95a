import { App, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '@common/identity/user.schemas';
import { currentLanguage, languages } from '../i18n/i18n';
import { useSetLanguage } from '../features/identity/auth-api';

/** zh-CN / en switch: the UI and antd change at once; when signed in it is saved to the user's profile. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setLanguage = useSetLanguage();

  return (
    <Segmented<Language>
      size="small"
      aria-label={t('header.language')}
      data-testid="language-switch"
      value={currentLanguage()}
      options={languages.map((lng) => ({ value: lng, label: t(`languages.${lng}`) }))}
      onChange={(lng) =>
        setLanguage.mutate(lng, { onError: () => void message.error(t('header.languageSaveFailed')) })
      }
    />
  );
}
