import { useState } from 'react';
import { Alert, Card, Descriptions, Empty, Input, Space, Tag, Typography } from 'antd';
import { decodeVin } from '@common/rules/vin';
import type { VinDecodeResult } from '@common/rules/vin';
import { useRuleText } from './rule-text';
import { VinCharacters } from './vin-characters';

function VinDetails({ result }: { result: VinDecodeResult }) {
  const { t, countryName } = useRuleText();
  const none = t('common.none');
  const year = result.modelYear;
  return (
    <Descriptions size="small" bordered column={1} styles={{ label: { width: 170 } }}>
      <Descriptions.Item label={t('tools.vin.region')}>
        {result.region ? t(`tools.vin.regions.${result.region}`) : none}
      </Descriptions.Item>
      <Descriptions.Item label={t('tools.vin.country')}>
        {result.country ? `${countryName(result.country)} (${result.country})` : none}
      </Descriptions.Item>
      <Descriptions.Item label={t('tools.vin.manufacturer')}>
        {result.manufacturer ? (
          <Space size={12}>
            <span>{result.manufacturer.zh}</span>
            <span>{result.manufacturer.en}</span>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('tools.vin.unknownManufacturer')}</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('tools.vin.modelYear')}>
        {year ? (
          <Space orientation="vertical" size={0}>
            <strong>
              {year.year ??
                t('tools.vin.candidates', { first: year.candidates[0], second: year.candidates[1] })}
            </strong>
            <Typography.Text type="secondary">{t(`tools.vin.yearRules.${year.rule}`)}</Typography.Text>
          </Space>
        ) : (
          none
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('tools.vin.checkDigit')}>
        {result.checkDigit.expected === null ? (
          none
        ) : (
          <Space size={8}>
            <Tag color={result.checkDigit.expected === result.checkDigit.actual ? 'green' : 'red'}>
              {result.checkDigit.expected === result.checkDigit.actual ? t('tools.met') : t('tools.notMet')}
            </Tag>
            {t('tools.vin.checkDigitValue', {
              actual: result.checkDigit.actual,
              expected: result.checkDigit.expected,
            })}
          </Space>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('tools.vin.lowVolume')}>
        {result.lowVolume
          ? t('tools.vin.lowVolumeYes', { code: result.manufacturerCode })
          : t('tools.vin.lowVolumeNo')}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** VIN input decoded on every keystroke with common/rules decodeVin (no server round trip). */
export function VinDecoderCard() {
  const { t, message } = useRuleText();
  const [vin, setVin] = useState('');
  const normalized = vin.trim().toUpperCase();
  const result = normalized ? decodeVin(normalized) : null;
  const decoded = result !== null && result.normalized !== null;

  return (
    <Card
      size="small"
      title={t('tools.vin.title')}
      extra={
        result && (
          <Tag color={result.valid ? 'green' : 'red'} data-testid="vin-status">
            {result.valid ? t('tools.vin.valid') : t('tools.vin.invalid')}
          </Tag>
        )
      }
    >
      <Input
        size="large"
        className="fc-mono"
        aria-label={t('tools.vin.label')}
        placeholder={t('tools.vin.placeholder')}
        value={vin}
        onChange={(e) => setVin(e.target.value.toUpperCase())}
        maxLength={24}
        allowClear
        status={result && !result.valid ? 'error' : undefined}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('tools.vin.hint')}
      </Typography.Text>
      <VinCharacters vin={normalized} expectedCheck={result?.checkDigit.expected ?? null} />
      {result && result.errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="vin-errors"
          title={result.errors.map((e) => message(e)).join(' ')}
          style={{ margin: '12px 0' }}
        />
      )}
      {result && decoded && result.errors.length === 0 && result.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={result.warnings.map((w) => message(w)).join(' ')}
          style={{ margin: '12px 0' }}
        />
      )}
      {decoded ? (
        <div style={{ marginTop: 12 }}>
          <VinDetails result={result} />
        </div>
      ) : (
        !result && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tools.vin.empty')} />
      )}
    </Card>
  );
}
