import { Descriptions, Input, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatRuleMessage } from '@common/rules/messages';
import { decodeVin } from '@common/rules/vin';
import type { VinDecodeResult } from '@common/rules/vin';
import { currentLanguage } from '../../i18n/i18n';

/** The first problem of a VIN in the UI language, or null when it is valid (for the form rule). */
export function vinProblem(vin: string): string | null {
  const decoded = decodeVin(vin);
  const first = decoded.errors[0];
  return first ? formatRuleMessage(first.code, first.params, currentLanguage()) : null;
}

function Decoded({ decoded }: { decoded: VinDecodeResult }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const maker = decoded.manufacturer
    ? lang === 'en'
      ? decoded.manufacturer.en
      : decoded.manufacturer.zh
    : null;
  const year = decoded.modelYear;
  const { expected, actual } = decoded.checkDigit;
  return (
    <Descriptions size="small" column={2} bordered className="fc-vin-decoded">
      <Descriptions.Item label={t('stock.vin.checkDigit')}>
        {expected === actual ? (
          <Typography.Text type="success">
            <CheckCircleFilled /> {t('stock.vin.checkDigitOk', { digit: actual ?? '' })}
          </Typography.Text>
        ) : (
          <Typography.Text type="danger" strong>
            <CloseCircleFilled />{' '}
            {t('stock.vin.checkDigitExpected', { expected: expected ?? '', actual: actual ?? '' })}
          </Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('stock.vin.modelYear')}>
        {year?.year ?? (year ? year.candidates.join(' / ') : t('common.none'))}
      </Descriptions.Item>
      <Descriptions.Item label={t('stock.vin.manufacturer')}>
        {maker ?? t('stock.vin.unknownMaker', { wmi: decoded.wmi ?? '' })}
      </Descriptions.Item>
      <Descriptions.Item label={t('stock.vin.country')}>
        {decoded.country ?? t('common.none')}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** A VIN entry (typed or scanned) that decodes as the user types: check digit, maker, model year. */
export function VinEntryField({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (vin: string) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const vin = (value ?? '').toUpperCase();
  const decoded = vin.length === 17 ? decodeVin(vin) : null;
  const lang = currentLanguage();
  const status = vin.length === 0 ? null : decoded?.valid ? 'valid' : 'invalid';
  return (
    <div>
      <Input
        id={id}
        className="fc-mono"
        value={vin}
        maxLength={17}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('stock.vin.placeholder')}
        onChange={(e) => onChange?.(e.target.value.toUpperCase().replace(/\s+/g, ''))}
        suffix={
          <span className="fc-vin-count">
            {status === 'valid' && <Tag color="green">{t('stock.vin.valid')}</Tag>}
            {vin.length}/17
          </span>
        }
      />
      {decoded && decoded.normalized && (
        <div style={{ marginTop: 8 }}>
          <Decoded decoded={decoded} />
        </div>
      )}
      {decoded?.warnings.map((w) => (
        <Typography.Paragraph key={w.code} type="warning" style={{ margin: '4px 0 0' }}>
          {formatRuleMessage(w.code, w.params, lang)}
        </Typography.Paragraph>
      ))}
    </div>
  );
}
