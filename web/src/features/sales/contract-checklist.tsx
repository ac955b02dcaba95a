import { App, Button, List, Space, Typography, Upload } from 'antd';
import {
  CheckCircleFilled,
  CloseCircleFilled,
  SafetyCertificateOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Contract } from '@common/sales/contract.schemas';
import { describeError } from '../../api/form-errors';
import { formatInstant } from '../identity/format';
import { readFileBase64, useUploadIdCopy, useVerifyIdentity } from './contracts-api';
import { attachmentUrl } from './deliveries-api';

/**
 * The preparation checklist (H4.1.1) as the server computed it, with the two steps done here: upload the
 * copy of the buyer's identity document, and record who verified it against the original.
 */
export function ContractChecklist({ contract, canManage }: { contract: Contract; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadIdCopy();
  const verify = useVerifyIdentity();
  const draft = contract.status === 'draft';
  const onError = (e: unknown) => void message.error(describeError(e));

  const sendCopy = async (file: File) => {
    const dataBase64 = await readFileBase64(file);
    upload.mutate(
      {
        id: contract.id,
        body: { version: contract.version, mime: file.type, dataBase64, fileName: file.name },
      },
      { onSuccess: () => void message.success(t('sales.contract.idCopyUploaded')), onError },
    );
  };

  return (
    <div data-testid="contract-checklist">
      <List
        size="small"
        bordered
        dataSource={contract.checks}
        renderItem={(c) => (
          <List.Item data-testid={`check-${c.check}`}>
            <Space>
              {c.ok ? (
                <CheckCircleFilled style={{ color: '#52c41a' }} />
              ) : (
                <CloseCircleFilled style={{ color: '#ff4d4f' }} />
              )}
              <span>{t(`sales.checks.${c.check}`)}</span>
            </Space>
            <Typography.Text type={c.ok ? 'success' : 'danger'}>
              {c.ok ? t('sales.contract.checkOk') : t('sales.contract.checkMissing')}
            </Typography.Text>
          </List.Item>
        )}
      />
      <Space wrap style={{ marginTop: 12 }}>
        {draft && canManage && (
          <Upload
            accept="image/png,image/jpeg,application/pdf"
            showUploadList={false}
            beforeUpload={(file) => {
              void sendCopy(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="id-copy-upload">
              {contract.idCopy ? t('sales.contract.replaceIdCopy') : t('sales.contract.uploadIdCopy')}
            </Button>
          </Upload>
        )}
        {contract.idCopy && (
          <Typography.Link href={attachmentUrl(contract.idCopy.attachmentId)} target="_blank">
            {t('sales.contract.viewIdCopy', { at: formatInstant(contract.idCopy.uploadedAt) })}
          </Typography.Link>
        )}
        {draft && canManage && !contract.identityVerifiedBy && (
          <Button
            icon={<SafetyCertificateOutlined />}
            disabled={!contract.idCopy}
            loading={verify.isPending}
            onClick={() =>
              verify.mutate(
                { id: contract.id, body: { version: contract.version } },
                { onSuccess: () => void message.success(t('sales.contract.verified')), onError },
              )
            }
          >
            {t('sales.contract.verifyIdentity')}
          </Button>
        )}
        {contract.identityVerifiedBy && (
          <Typography.Text type="success">
            {t('sales.contract.verifiedBy', {
              by: contract.identityVerifiedBy,
              at: formatInstant(contract.identityVerifiedAt),
            })}
          </Typography.Text>
        )}
      </Space>
    </div>
  );
}
