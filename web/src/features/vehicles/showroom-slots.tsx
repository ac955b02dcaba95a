import { Alert, Card, Empty, Space, Tag, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useTrim } from '../catalog/catalog-api';
import { localName } from '../catalog/catalog-format';
import type { ShowroomPlan } from './showroom-api';

const tagColor = { hot: 'red', all_new: 'blue', nev: 'green' } as const;

/** H2.2.2: a store that sells new-energy vehicles shows at least one — said plainly. */
export function NevCheck({ checks }: { checks: ShowroomPlan['checks'] }) {
  const { t } = useTranslation();
  if (!checks.sellsNev) return <Alert type="info" showIcon title={t('stock.showroom.nevNotSold')} />;
  return checks.nevRequirementMet ? (
    <Alert type="success" showIcon title={t('stock.showroom.nevMet')} />
  ) : (
    <Alert
      type="error"
      showIcon
      title={t('stock.showroom.nevMissing')}
      description={t('stock.showroom.nevMissingHint')}
    />
  );
}

type Slot = ShowroomPlan['slots'][number];

function SlotCard({ slot }: { slot: Slot }) {
  const { t } = useTranslation();
  const trim = useTrim(slot.trimId);
  return (
    <Card size="small" title={t('stock.showroom.slotTitle', { slot: slot.slot })}>
      <Typography.Text strong>{trim.data ? localName(trim.data) : slot.trimName}</Typography.Text>
      <div>
        {slot.vin ? (
          <Typography.Text className="fc-mono">{slot.vin}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('stock.showroom.noVehicle')}</Typography.Text>
        )}
      </div>
      <Space size={4} wrap style={{ marginTop: 8 }}>
        {slot.isNev && !slot.tags.includes('nev') && (
          <Tag color="green" icon={<ThunderboltOutlined />}>
            {t('stock.showroom.isNev')}
          </Tag>
        )}
        {slot.tags.map((tag) => (
          <Tag
            key={tag}
            color={tagColor[tag]}
            variant="filled"
            icon={tag === 'nev' ? <ThunderboltOutlined /> : undefined}
          >
            {t(`stock.showroom.tags.${tag}`)}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}

/** The plan's slots: which trim or vehicle stands where, with its tags. */
export function ShowroomSlots({ plan }: { plan: ShowroomPlan }) {
  const { t } = useTranslation();
  if (plan.slots.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stock.showroom.noSlots')} />;
  return (
    <div className="fc-slot-grid">
      {plan.slots.map((slot) => (
        <SlotCard key={slot.id} slot={slot} />
      ))}
    </div>
  );
}
