import { Alert, App, Button, Card, Descriptions, Space, Spin, Typography } from 'antd';
import { CopyOutlined, FilePdfOutlined, LinkOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { formatMoney, localName } from '../catalog/catalog-format';
import { formatInstant } from '../identity/format';
import { PlanQuoteTable } from './plan-quote-table';
import { reasonText } from './reason-text';
import { usePlan, useRenewShare } from './needs-api';
import '../catalog/catalog.css';

/** A purchase plan (H3.3.2): its alternatives and costs, the PDF and the link the customer opens. */
export function PurchasePlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const plan = usePlan(id);
  const renew = useRenewShare();
  if (plan.isPending) return <Spin />;
  if (plan.isError) return <Alert type="error" showIcon title={describeError(plan.error)} />;
  const p = plan.data;
  const shareUrl = `${window.location.origin}${p.sharePath}`;
  const copy = async () => {
    await navigator.clipboard.writeText(shareUrl);
    void message.success(t('plans.linkCopied'));
  };
  const letter = (n: number) => String.fromCharCode(65 + n);
  return (
    <>
      <PageHeader
        title={`${t('plans.title')} ${p.number}`}
        extra={
          <Space wrap>
            <Button
              type="primary"
              icon={<FilePdfOutlined />}
              href={`/api/v1/purchase-plans/${encodeURIComponent(p.id)}/pdf`}
            >
              {t('plans.downloadPdf')}
            </Button>
            <Button icon={<CopyOutlined />} onClick={() => void copy()}>
              {t('plans.copyLink')}
            </Button>
            <Button icon={<LinkOutlined />} href={p.sharePath} target="_blank">
              {t('plans.openShare')}
            </Button>
            <Button
              icon={<ReloadOutlined />}
              loading={renew.isPending}
              onClick={() =>
                renew.mutate(p, {
                  onSuccess: () => void message.success(t('plans.linkRenewed')),
                  onError: (e) => void message.error(describeError(e)),
                })
              }
            >
              {t('plans.renewLink')}
            </Button>
          </Space>
        }
      />
      <div className="fc-panel">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'customer', label: t('plans.customer'), children: p.customerName },
            {
              key: 'lead',
              label: t('leads.fields.number'),
              children: <Link to={`/leads/${p.leadId}/needs`}>{p.leadNumber}</Link>,
            },
            { key: 'date', label: t('plans.priceDate'), children: p.priceDate },
            { key: 'payment', label: t('plans.payment'), children: t(`needs.payments.${p.payment.kind}`) },
            { key: 'expires', label: t('plans.shareExpires'), children: formatInstant(p.shareExpiresAt) },
            {
              key: 'link',
              label: 'URL',
              children: (
                <Typography.Text copyable={{ text: shareUrl }} ellipsis style={{ maxWidth: 260 }}>
                  {shareUrl}
                </Typography.Text>
              ),
            },
          ]}
          style={{ marginBottom: 16 }}
        />
        <PlanQuoteTable
          titles={p.items.map(
            (i, n) =>
              `${t('plans.alternative', { letter: letter(n) })} · ${localName({ name: i.modelName, nameEn: i.modelNameEn })} ${localName({ name: i.trimName, nameEn: i.trimNameEn })}`,
          )}
          quotes={p.items.map((i) => i.quote)}
        />
        <Space align="start" wrap size={16} style={{ marginTop: 16 }}>
          {p.items.map((i, n) => (
            <Card
              key={i.trimId}
              size="small"
              style={{ width: 360 }}
              title={`${t('plans.alternative', { letter: letter(n) })} · ${localName({ name: i.trimName, nameEn: i.trimNameEn })}`}
            >
              <Typography.Text type="secondary">{t('plans.options')}</Typography.Text>
              <ul style={{ marginTop: 4 }}>
                {i.options.length === 0 && <li>—</li>}
                {i.options.map((o) => (
                  <li key={o.optionId}>
                    {localName(o)} · {formatMoney(o.price)}
                  </li>
                ))}
              </ul>
              {i.reasons.filter((r) => r.kind === 'match').length > 0 && (
                <ul style={{ color: '#389e0d' }}>
                  {i.reasons
                    .filter((r) => r.kind === 'match')
                    .map((r, k) => (
                      <li key={k}>{reasonText(t, r)}</li>
                    ))}
                </ul>
              )}
            </Card>
          ))}
        </Space>
      </div>
    </>
  );
}
