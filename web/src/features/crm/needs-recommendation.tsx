import { Alert, App, Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import {
  CheckCircleFilled,
  CheckOutlined,
  CloseCircleFilled,
  MinusCircleOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Recommendations } from '@common/crm/recommendation.schemas';
import { describeError } from '../../api/form-errors';
import { formatMoney, localName } from '../catalog/catalog-format';
import { reasonText } from './reason-text';

/**
 * The recommendation (H3.2.1): the trims that fit first, best first, then the others with why they do
 * not fit; every reason spelled out. The consultant picks 1–3 for the purchase plan.
 */
export function NeedsRecommendation({
  data,
  loading,
  error,
  chosen,
  onChosen,
}: {
  data: Recommendations | undefined;
  loading: boolean;
  error: unknown;
  chosen: string[];
  onChosen: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  if (loading) return <Spin />;
  if (error) return <Alert type="error" showIcon title={describeError(error)} />;
  if (!data || data.items.length === 0) return <Empty description={t('needs.noTrims')} />;
  const toggle = (id: string) => {
    if (chosen.includes(id)) return onChosen(chosen.filter((x) => x !== id));
    if (chosen.length >= 3) return void message.warning(t('needs.chooseMax'));
    onChosen([...chosen, id]);
  };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="recommendations">
      {data.items.map((item) => {
        const picked = chosen.includes(item.trimId);
        return (
          <Card
            key={item.trimId}
            size="small"
            data-testid="recommended-trim"
            style={{ borderColor: picked ? '#1677ff' : undefined, opacity: item.fits ? 1 : 0.85 }}
            title={
              <Space wrap>
                <Typography.Text strong>#{item.rank}</Typography.Text>
                <span>
                  {localName({ name: item.brandName, nameEn: item.brandNameEn })}{' '}
                  {localName({ name: item.modelName, nameEn: item.modelNameEn })} ·{' '}
                  {localName({ name: item.trimName, nameEn: item.trimNameEn })}
                </span>
                {item.fits ? (
                  <Tag color="green">{t('needs.fits')}</Tag>
                ) : (
                  <Tag color="red">{t('needs.doesNotFit')}</Tag>
                )}
                {item.inStock > 0 ? (
                  <Tag color="blue">{t('needs.inStock', { count: item.inStock })}</Tag>
                ) : (
                  <Tag>{t('needs.onOrder')}</Tag>
                )}
              </Space>
            }
            extra={
              <Space>
                <Typography.Text strong>{formatMoney(item.displayPrice)}</Typography.Text>
                <Typography.Text type="secondary">{t('needs.score', { score: item.score })}</Typography.Text>
                <Button
                  size="small"
                  type={picked ? 'primary' : 'default'}
                  icon={picked ? <CheckOutlined /> : <PlusOutlined />}
                  disabled={item.displayPrice === null}
                  onClick={() => toggle(item.trimId)}
                >
                  {picked ? t('needs.chosen') : t('needs.choose')}
                </Button>
              </Space>
            }
          >
            <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none', columns: 2, columnGap: 24 }}>
              {item.reasons.map((r, i) => (
                <li key={i} style={{ breakInside: 'avoid', marginBottom: 2 }}>
                  {r.kind === 'match' ? (
                    <CheckCircleFilled style={{ color: '#52c41a' }} />
                  ) : r.hard ? (
                    <CloseCircleFilled style={{ color: '#ff4d4f' }} />
                  ) : (
                    <MinusCircleOutlined style={{ color: '#faad14' }} />
                  )}{' '}
                  {reasonText(t, r)}
                </li>
              ))}
            </ul>
          </Card>
        );
      })}
    </Space>
  );
}
