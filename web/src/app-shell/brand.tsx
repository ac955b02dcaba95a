import { useTranslation } from 'react-i18next';

/** The product mark and name; `compact` shows the mark only (collapsed side menu). */
export function Brand({ compact = false, subtitle = true }: { compact?: boolean; subtitle?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="fc-brand">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!compact && (
        <span className="fc-brand-text">
          <span className="fc-brand-name">{t('app.name')}</span>
          {subtitle && <span className="fc-brand-sub">{t('app.productLine')}</span>}
        </span>
      )}
    </div>
  );
}
