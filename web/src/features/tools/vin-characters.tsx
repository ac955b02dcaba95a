import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { VIN_ALPHABET } from '@common/rules/vin';

const SECTIONS = [
  { key: 'wmi', from: 0, to: 3 },
  { key: 'vds', from: 3, to: 9 },
  { key: 'vis', from: 9, to: 17 },
] as const;

export interface VinCharactersProps {
  /** The normalised (upper-case) input, possibly incomplete. */
  vin: string;
  /** The computed check digit when the VIN is complete, else null. */
  expectedCheck: string | null;
}

/**
 * The 17 positions in their three ISO 3779 sections (WMI / VDS / VIS): characters
 * not allowed in a VIN are red, position 9 shows the computed check digit when wrong.
 */
export function VinCharacters({ vin, expectedCheck }: VinCharactersProps) {
  const { t } = useTranslation();
  const chars = [...vin.slice(0, 17)];

  const cell = (i: number) => {
    const ch = chars[i] ?? '';
    const bad = ch !== '' && !VIN_ALPHABET.includes(ch);
    const isCheck = i === 8;
    const checkWrong = isCheck && expectedCheck !== null && ch !== expectedCheck;
    const checkOk = isCheck && expectedCheck !== null && ch === expectedCheck;
    const classes = ['fc-vin-char'];
    if (ch === '') classes.push('fc-vin-char-empty');
    if (bad || checkWrong) classes.push('fc-vin-char-bad');
    if (checkOk) classes.push('fc-vin-char-ok');
    if (isCheck || i === 9) classes.push('fc-vin-char-key');
    const note = isCheck ? t('tools.vin.checkPosition') : i === 9 ? t('tools.vin.yearPosition') : null;
    return (
      <Tooltip
        key={i}
        title={[t('tools.vin.position', { position: i + 1 }), note].filter(Boolean).join(' · ')}
      >
        <div className="fc-vin-cell" data-position={i + 1}>
          <div className={classes.join(' ')}>{ch || '·'}</div>
          <div className="fc-vin-pos">{i + 1}</div>
          {checkWrong && <div className="fc-vin-expected">→ {expectedCheck}</div>}
        </div>
      </Tooltip>
    );
  };

  return (
    <>
      <div className="fc-vin-strip" aria-label={vin}>
        {SECTIONS.map((s) => (
          <div key={s.key} className={`fc-vin-section fc-vin-section-${s.key}`}>
            <div className="fc-vin-section-title">{t(`tools.vin.${s.key}`)}</div>
            <div className="fc-vin-cells">
              {Array.from({ length: s.to - s.from }, (_, k) => cell(s.from + k))}
            </div>
          </div>
        ))}
      </div>
      <div className="fc-vin-note">{t('tools.vin.legend')}</div>
    </>
  );
}
