import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PartClass, PartOrigin } from '@common/parts/part.enums';

const originColour: Record<PartOrigin, string> = {
  original: 'blue',
  equivalent: 'cyan',
  remanufactured: 'orange',
  reused: 'volcano',
};

/** The origin label (汽车销售管理办法 Art. 17) shown wherever a part is sold. */
export function OriginTag({ origin }: { origin: PartOrigin }) {
  const { t } = useTranslation();
  return <Tag color={originColour[origin]}>{t(`parts.origins.${origin}`)}</Tag>;
}

export function ClassTag({ value }: { value: PartClass }) {
  const { t } = useTranslation();
  return (
    <Tag color={value === 'obsolete' ? 'default' : value === 'special' ? 'purple' : undefined}>
      {t(`parts.classes.${value}`)}
    </Tag>
  );
}
