import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, EyeOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Customer } from '@common/crm/customer.schemas';
import type { Me } from '@common/identity/user.schemas';
import { isApiError } from '../../api/api-client';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { permissionScope, useMe } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { storeLabel, useStoreNames } from '../identity/store-options';
import { CustomerEditDrawer } from './customer-edit-drawer';
import { mayEditCustomer } from './customer-edit-form';
import { CustomerMergeModal } from './customer-merge-modal';
import { CustomerTimeline } from './customer-timeline';
import { CustomerVehicles } from './customer-vehicles';
import { useCustomer, useRevealIdentity } from './customers-api';
import '../catalog/catalog.css';

function IdentityValue({ customer, canReveal }: { customer: Customer; canReveal: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reveal = useRevealIdentity(customer.id);
  const doc = customer.identityDocument;
  if (!doc) return <>{t('common.none')}</>;
  const shown = reveal.data?.number;
  return (
    <Space wrap>
      <Typography.Text type="secondary">{t(`customers.documentTypes.${doc.type}`)}</Typography.Text>
      <span className="fc-mono fc-nowrap" data-testid="identity-number">
        {shown ?? doc.numberMasked}
      </span>
      {canReveal && !shown && (
        <Button
          size="small"
          icon={<EyeOutlined />}
          loading={reveal.isPending}
          onClick={() => reveal.mutate(undefined, { onError: (e) => void message.error(describeError(e)) })}
        >
          {t('customers.reveal')}
        </Button>
      )}
      {shown && <Tag color="orange">{t('customers.revealedAudited')}</Tag>}
    </Space>
  );
}

function Details({ me, customer }: { me: Me; customer: Customer }) {
  const { t } = useTranslation();
  const stores = useStoreNames(me);
  const canReveal = permissionScope(me, 'customers.reveal_id_number') !== null;
  const item = (label: string, value: ReactNode) => (
    <Descriptions.Item label={label}>{value ?? t('common.none')}</Descriptions.Item>
  );
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      bordered
      styles={{ label: { width: 118 } }}
    >
      {item(t('customers.fields.number'), customer.number)}
      {item(t('customers.fields.type'), t(`customers.types.${customer.type}`))}
      {item(
        t('customers.fields.mobiles'),
        <Space direction="vertical" size={0}>
          {customer.mobiles.map((m) => (
            <span key={m.number} className="fc-mono fc-nowrap">
              {m.number} {m.primary && <Tag>{t('customers.primary')}</Tag>}
            </span>
          ))}
        </Space>,
      )}
      {item(t('customers.fields.identity'), <IdentityValue customer={customer} canReveal={canReveal} />)}
      {customer.type === 'company' && item(t('customers.fields.companyCode'), customer.companyCode)}
      {item(t('customers.fields.store'), storeLabel(stores, customer.storeId))}
      {item(t('customers.fields.owner'), customer.ownerName)}
      {item(t('customers.fields.email'), customer.email)}
      {item(t('customers.fields.address'), customer.address)}
      {item(t('customers.fields.employer'), customer.employer)}
      {item(
        t('customers.fields.preferred'),
        [
          customer.preferredChannel && t(`customers.channels.${customer.preferredChannel}`),
          customer.preferredTime && t(`customers.times.${customer.preferredTime}`),
        ]
          .filter(Boolean)
          .join(' · ') || null,
      )}
      {item(
        t('customers.fields.consents'),
        customer.consents.length ? (
          <Space direction="vertical" size={4}>
            {customer.consents.map((c) => (
              <Tag
                key={c.channel}
                color={c.granted ? 'green' : 'default'}
                style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
                data-testid={`consent-tag-${c.channel}`}
              >
                {t(`customers.channels.${c.channel}`)}:{' '}
                {t(c.granted ? 'customers.consentGranted' : 'customers.consentRefused')} ·{' '}
                {t(`customers.consentSources.${c.source}`)} · {formatInstant(c.recordedAt)}
              </Tag>
            ))}
          </Space>
        ) : null,
      )}
      {item(
        t('customers.fields.tags'),
        customer.tags.length ? customer.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : null,
      )}
      {item(t('customers.fields.note'), customer.note)}
      {item(t('customers.fields.createdAt'), formatInstant(customer.createdAt))}
    </Descriptions>
  );
}

function CustomerView({ me, id }: { me: Me; id: string }) {
  const { t } = useTranslation();
  const customer = useCustomer(id);
  const [merging, setMerging] = useState(false);
  const [editing, setEditing] = useState(false);
  if (customer.isLoading) return <Spin />;
  if (customer.error)
    return isApiError(customer.error, 404) ? (
      <Result
        status="404"
        title={t('customers.notFound')}
        extra={<Link to="/customers">{t('customers.back')}</Link>}
      />
    ) : (
      <Alert type="error" showIcon message={describeError(customer.error)} />
    );
  const c = customer.data!;
  const canMerge = permissionScope(me, 'customers.merge') !== null && c.status === 'active';
  const canEdit = mayEditCustomer(me, c);
  return (
    <>
      <PageHeader
        title={
          <Space>
            <Link to="/customers" aria-label={t('customers.back')}>
              <ArrowLeftOutlined />
            </Link>
            {c.name}
            {c.status === 'merged' && <Tag color="red">{t('customers.merged')}</Tag>}
          </Space>
        }
        extra={
          (canEdit || canMerge) && (
            <Space>
              {canEdit && (
                <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('customers.edit.open')}
                </Button>
              )}
              {canMerge && (
                <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)}>
                  {t('customers.merge.open')}
                </Button>
              )}
            </Space>
          )
        }
      />
      {c.status === 'merged' && c.mergedInto && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={<Link to={`/customers/${c.mergedInto}`}>{t('customers.mergedInto')}</Link>}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('customers.sections.details')} size="small">
            <Details me={me} customer={c} />
          </Card>
          <Card title={t('customers.sections.vehicles')} size="small" style={{ marginTop: 16 }}>
            <CustomerVehicles me={me} customer={c} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('customers.sections.timeline')} size="small">
            <CustomerTimeline customerId={c.id} />
          </Card>
        </Col>
      </Row>
      {canEdit && (
        <CustomerEditDrawer me={me} customer={c} open={editing} onClose={() => setEditing(false)} />
      )}
      {merging && <CustomerMergeModal customer={c} onClose={() => setMerging(false)} />}
    </>
  );
}

/** Customer 360: details with masked identity (Reveal, audited), mobiles, consents, vehicles, timeline, edit, merge. */
export function CustomerPage() {
  const me = useMe();
  const { id } = useParams();
  return me.data && id ? <CustomerView me={me.data} id={id} /> : null;
}
