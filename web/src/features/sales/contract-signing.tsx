import { Alert, App, Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contract } from '@common/sales/contract.schemas';
import { isApiError } from '../../api/api-client';
import { describeError } from '../../api/form-errors';
import { formatInstant } from '../identity/format';
import { useSignContract, type SigningParty } from './contracts-api';
import { SignaturePad } from './signature-pad';

/** Both parties sign on the screen (H4.1.2); the server refuses while a preparation check fails, naming it. */
export function ContractSigning({ contract, canManage }: { contract: Contract; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sign = useSignContract();
  const ready = contract.checks.every((c) => c.ok);
  const pad = (party: SigningParty) => {
    const signed = contract.signatures[party];
    const label = t(`sales.contract.signatureOf.${party}`);
    return (
      <Card size="small" title={label} data-testid={`signature-${party}`}>
        {signed ? (
          <Typography.Text type="success">
            {t('sales.contract.signedAt', { at: formatInstant(signed.signedAt) })}
          </Typography.Text>
        ) : (
          <SignaturePad
            label={label}
            disabled={!canManage || contract.status !== 'draft'}
            submitting={sign.isPending && sign.variables?.body.party === party}
            onSubmit={(signature) =>
              sign.mutate(
                { id: contract.id, body: { version: contract.version, party, signature } },
                {
                  onSuccess: () => void message.success(t('sales.contract.signatureSaved', { party: label })),
                  onError: (e) => {
                    const failing = isApiError(e) ? (e.problem?.errors ?? []).map((x) => x.message) : [];
                    void message.error([describeError(e), ...failing].join(' · '));
                  },
                },
              )
            }
          />
        )}
      </Card>
    );
  };
  return (
    <>
      {!ready && contract.status === 'draft' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('sales.contract.notReady')} />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          {pad('customer')}
        </Col>
        <Col xs={24} lg={12}>
          {pad('consultant')}
        </Col>
      </Row>
    </>
  );
}
