import { useState } from 'react';
import type { ReactNode } from 'react';
import { Card, Descriptions, Form, Input, Tag, Typography } from 'antd';
import { validateCnResidentId } from '@common/rules/cn-id';
import type { CnIdDetails } from '@common/rules/cn-id';
import { validateCnMobile } from '@common/rules/cn-mobile';
import type { CnMobileDetails } from '@common/rules/cn-mobile';
import { validateCnPlate } from '@common/rules/cn-plate';
import type { CnPlateDetails } from '@common/rules/cn-plate';
import type { Province } from '@common/rules/cn-regions';
import type { ValidationResult } from '@common/rules/result';
import { validateUscc } from '@common/rules/uscc';
import type { UsccDetails } from '@common/rules/uscc';
import { useRuleText } from './rule-text';

type Kind = 'cnId' | 'uscc' | 'mobile' | 'plate';
/** label, value and whether it takes the whole line (long values). */
type Row = [label: string, value: ReactNode, wide?: boolean];

/** One number: an input checked as the user types, the rule's message under it, the decoded details below. */
function NumberField<D>({
  kind,
  validate,
  details,
}: {
  kind: Kind;
  validate: (value: string) => ValidationResult<D>;
  details: (d: D, normalized: string) => Row[];
}) {
  const { t, message } = useRuleText();
  const [value, setValue] = useState('');
  const result = value.trim() ? validate(value) : null;
  const notes = result ? [...result.errors, ...result.warnings].map((i) => message(i)) : [];
  const rows = result?.valid && result.details ? details(result.details, result.normalized ?? '') : [];

  return (
    <>
      <Form.Item
        label={
          <span>
            {t(`tools.numbers.kinds.${kind}`)}{' '}
            {result && (
              <Tag color={result.valid ? 'green' : 'red'} style={{ marginInlineStart: 6 }}>
                {result.valid ? t('tools.numbers.valid') : t('tools.numbers.invalid')}
              </Tag>
            )}
          </span>
        }
        htmlFor={`number-${kind}`}
        validateStatus={
          result ? (result.valid ? (notes.length ? 'warning' : 'success') : 'error') : undefined
        }
        help={notes.length ? notes.join(' ') : undefined}
        style={{ marginBottom: rows.length ? 8 : 16 }}
      >
        <Input
          id={`number-${kind}`}
          className="fc-mono"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={t(`tools.numbers.placeholders.${kind}`)}
          maxLength={32}
          allowClear
        />
      </Form.Item>
      {rows.length > 0 && (
        <Descriptions
          className="fc-number-details"
          size="small"
          column={2}
          items={rows.map(([label, content, wide], i) => ({
            key: i,
            label,
            children: content,
            span: wide ? 2 : 1,
          }))}
        />
      )}
    </>
  );
}

/** Resident identity number, USCC, mobile and plate, validated in the browser with common/rules. */
export function NumberCheckCard() {
  const { t, lang } = useRuleText();
  const province = (p: Province | null) => (p ? (lang === 'en' ? p.en : p.zh) : t('common.none'));

  const idRows = (d: CnIdDetails, normalized: string): Row[] => [
    [t('tools.numbers.idKind'), t(`tools.numbers.idKinds.${d.kind}`)],
    [t('tools.numbers.province'), province(d.province)],
    [t('tools.numbers.birthDate'), d.birthDate],
    [t('tools.numbers.sex'), t(`tools.numbers.sexes.${d.sex}`)],
    ...(d.nationalityCode ? [[t('tools.numbers.nationality'), d.nationalityCode] as Row] : []),
    ...(d.convertedFrom15
      ? [
          [
            t('tools.numbers.converted'),
            <Typography.Text key="c" className="fc-mono" copyable>
              {normalized}
            </Typography.Text>,
            true,
          ] as Row,
        ]
      : []),
  ];
  const usccRows = (d: UsccDetails, normalized: string): Row[] => [
    [t('tools.numbers.normalized'), <span className="fc-mono">{normalized}</span>, true],
    [t('tools.numbers.province'), province(d.province)],
    [t('tools.numbers.division'), d.divisionCode],
    [t('tools.numbers.organizationCode'), d.organizationCode, true],
  ];
  const mobileRows = (d: CnMobileDetails, normalized: string): Row[] => [
    [t('tools.numbers.normalized'), normalized],
    [t('tools.numbers.masked'), d.masked],
  ];
  const plateRows = (d: CnPlateDetails, normalized: string): Row[] => [
    [t('tools.numbers.normalized'), normalized, true],
    [t('tools.numbers.plateKind'), t(`tools.numbers.plateKinds.${d.kind}`), true],
    [t('tools.numbers.energy'), t(`tools.numbers.plateEnergies.${d.energy ?? 'none'}`)],
  ];

  return (
    <Card size="small" title={t('tools.numbers.title')}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('tools.numbers.hint')}
      </Typography.Paragraph>
      <Form layout="vertical" component="div">
        <NumberField kind="cnId" validate={(v) => validateCnResidentId(v)} details={idRows} />
        <NumberField kind="uscc" validate={validateUscc} details={usccRows} />
        <NumberField kind="mobile" validate={validateCnMobile} details={mobileRows} />
        <NumberField kind="plate" validate={validateCnPlate} details={plateRows} />
      </Form>
    </Card>
  );
}
