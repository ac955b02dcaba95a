import { useState } from 'react';
import { Alert, Button, Col, Descriptions, Row, Space, Spin, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Me } from '@common/identity/user.schemas';
import type { Contract } from '@common/sales/contract.schemas';
import type { Deal } from '@common/sales/deal.schemas';
import { describeError } from '../../api/form-errors';
import { permissionScope } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { AmendContractModal, CancelContractModal } from './contract-change-modals';
import { ContractChecklist } from './contract-checklist';
import { ContractCreateForm } from './contract-create-form';
import { ContractSigning } from './contract-signing';
import { ContractVersions } from './contract-versions';
import { contractPdfUrl, useDealContracts } from './contracts-api';
import { RecordStatusTag } from './sales-tags';

function Buyer({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const b = contract.buyer;
  return (
    <Descriptions size="small" bordered column={1}>
      <Descriptions.Item label={t('sales.buyer.name')}>{b.name}</Descriptions.Item>
      <Descriptions.Item label={t('sales.buyer.documentNumber')}>
        <span className="fc-mono">{b.documentNumber}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('sales.buyer.mobile')}>{b.mobile}</Descriptions.Item>
      <Descriptions.Item label={t('sales.buyer.address')}>{b.address}</Descriptions.Item>
      <Descriptions.Item
        label={b.kind === 'company' ? t('sales.buyer.legalRepresentative') : t('sales.buyer.employer')}
      >
        {b.employer}
      </Descriptions.Item>
      <Descriptions.Item label={t('sales.fields.vin')}>
        <span className="fc-mono">{contract.vin}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * The contract of the deal (H4.1): prepared from the agreed quote, checked, signed on screen by both
 * parties, changed by a new version or cancelled by a manager; every version and its PDF.
 */
export function ContractTab({ me, deal }: { me: Me; deal: Deal }) {
  const { t } = useTranslation();
  const contracts = useDealContracts(deal.id);
  const [amending, setAmending] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const canManage = permissionScope(me, 'deals.manage') !== null;
  const canApprove = permissionScope(me, 'deals.approve') !== null;
  if (contracts.isPending) return <Spin />;
  if (contracts.isError) return <Alert type="error" showIcon title={describeError(contracts.error)} />;
  const all = contracts.data;
  const current = all[0];
  if (!current || current.status === 'cancelled') {
    if (deal.status === 'agreed' && canManage) return <ContractCreateForm deal={deal} />;
    if (!current) return <Alert type="info" showIcon title={t('sales.contract.agreeFirst')} />;
    const c = current.cancellation;
    return (
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="contract-tab">
        <Alert
          type="warning"
          showIcon
          title={t('sales.contract.wasCancelled')}
          description={
            c
              ? t('sales.contract.cancelledDetail', {
                  reason: t(`sales.cancellationReasons.${c.reason}`),
                  note: c.note ?? '—',
                  at: formatInstant(c.at),
                })
              : undefined
          }
        />
        <ContractVersions contracts={all} />
      </Space>
    );
  }
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="contract-tab">
      <Space wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('sales.contract.title', { number: current.number, version: current.versionNo })}
        </Typography.Title>
        <RecordStatusTag status={current.status} label={t(`sales.contractStatuses.${current.status}`)} />
        <Button icon={<FilePdfOutlined />} href={contractPdfUrl(current.id)} target="_blank">
          {t('sales.contract.downloadPdf')}
        </Button>
        {current.customerCopyPath && (
          <Typography.Link
            href={current.customerCopyPath}
            target="_blank"
            copyable={{ text: `${location.origin}${current.customerCopyPath}` }}
          >
            {t('sales.contract.customerCopy')}
          </Typography.Link>
        )}
        {current.status === 'signed' && canManage && deal.status === 'contracted' && (
          <Button onClick={() => setAmending(true)}>{t('sales.contract.amend')}</Button>
        )}
        {canApprove &&
          (current.status === 'signed' || current.status === 'draft') &&
          deal.status !== 'delivered' && (
            <Button danger onClick={() => setCancelling(true)}>
              {t('sales.contract.cancel')}
            </Button>
          )}
      </Space>
      {current.signedAt && (
        <Alert
          type="success"
          showIcon
          title={t('sales.contract.signedBoth', { at: formatInstant(current.signedAt) })}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <ContractChecklist contract={current} canManage={canManage} />
        </Col>
        <Col xs={24} lg={12}>
          <Buyer contract={current} />
        </Col>
      </Row>
      <ContractSigning contract={current} canManage={canManage} />
      <Typography.Title level={5}>{t('sales.contract.versions')}</Typography.Title>
      <ContractVersions contracts={all} />
      <AmendContractModal contract={current} open={amending} onClose={() => setAmending(false)} />
      <CancelContractModal contract={current} open={cancelling} onClose={() => setCancelling(false)} />
    </Space>
  );
}
