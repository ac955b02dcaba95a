import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Radio, Space, Spin, Typography } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Me } from '@common/identity/user.schemas';
import type { Deal } from '@common/sales/deal.schemas';
import type { Invoice } from '@common/sales/money.schemas';
import { describeError } from '../../api/form-errors';
import { permissionScope } from '../identity/auth-api';
import { InvoiceSheet } from './invoice-sheet';
import {
  invoicePdfUrl,
  useCreateInvoice,
  useDealInvoices,
  useIssueInvoice,
  useVoidInvoice,
} from './money-api';
import { RecordStatusTag } from './sales-tags';

function IssueModal({ invoice, open, onClose }: { invoice: Invoice; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ invoiceNo: string; invoiceCode?: string; issueDate: Dayjs }>();
  const issue = useIssueInvoice();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Modal
      open={open}
      title={t('sales.invoice.issue')}
      okText={t('sales.invoice.issue')}
      confirmLoading={issue.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ issueDate: dayjs() }}
        onFinish={(v) =>
          issue.mutate(
            {
              id: invoice.id,
              body: {
                version: invoice.version,
                invoiceNo: v.invoiceNo.trim(),
                invoiceCode: v.invoiceCode?.trim() || undefined,
                issueDate: v.issueDate.format('YYYY-MM-DD'),
              },
            },
            { onSuccess: onClose, onError: (e) => setFailure(describeError(e)) },
          )
        }
      >
        <Form.Item
          name="invoiceNo"
          label={t('sales.invoice.invoiceNo')}
          rules={[{ required: true, pattern: /^\d{8,20}$/, message: t('sales.invoice.invoiceNoFormat') }]}
        >
          <Input className="fc-mono" maxLength={20} />
        </Form.Item>
        <Form.Item
          name="invoiceCode"
          label={t('sales.invoice.invoiceCode')}
          rules={[{ pattern: /^\d{10,12}$/, message: t('sales.invoice.invoiceCodeFormat') }]}
        >
          <Input className="fc-mono" maxLength={12} />
        </Form.Item>
        <Form.Item
          name="issueDate"
          label={t('sales.invoice.issueDate')}
          rules={[{ required: true, message: t('sales.required') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} />}
    </Modal>
  );
}

function VoidModal({ invoice, open, onClose }: { invoice: Invoice; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ mode: 'void' | 'red_letter'; reason: string }>();
  const voidInvoice = useVoidInvoice();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Modal
      open={open}
      title={t('sales.invoice.void')}
      okText={t('sales.invoice.void')}
      okButtonProps={{ danger: true }}
      confirmLoading={voidInvoice.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ mode: 'void' }}
        onFinish={(v) =>
          voidInvoice.mutate(
            { id: invoice.id, body: { version: invoice.version, mode: v.mode, reason: v.reason } },
            { onSuccess: onClose, onError: (e) => setFailure(describeError(e)) },
          )
        }
      >
        <Form.Item name="mode" label={t('sales.invoice.voidMode')}>
          <Radio.Group
            options={[
              { value: 'void', label: t('sales.invoice.voidModes.void') },
              { value: 'red_letter', label: t('sales.invoice.voidModes.red_letter') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('sales.invoice.voidReason')}
          rules={[{ required: true, message: t('sales.required') }]}
        >
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} />}
    </Modal>
  );
}

/** The deal's invoice (H4.3.2): the draft data sheet, issued by finance once fully paid, voided or reversed. */
export function InvoiceTab({ me, deal }: { me: Me; deal: Deal }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invoices = useDealInvoices(deal.id);
  const create = useCreateInvoice();
  const [issuing, setIssuing] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const canIssue = permissionScope(me, 'invoices.issue') !== null;
  if (invoices.isPending) return <Spin />;
  if (invoices.isError) return <Alert type="error" showIcon title={describeError(invoices.error)} />;
  const all = invoices.data;
  const current =
    all.find((i) => i.kind === 'blue' && (i.status === 'draft' || i.status === 'issued')) ?? all[0];
  const mayCreate =
    canIssue &&
    (deal.status === 'contracted' || deal.status === 'delivered') &&
    (!current || current.status === 'voided' || current.status === 'reversed');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="invoice-tab">
      {deal.balance.balance > 0 && <Alert type="warning" showIcon title={t('sales.invoice.notFullyPaid')} />}
      <Space wrap>
        {mayCreate && (
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() =>
              create.mutate({ dealId: deal.id }, { onError: (e) => void message.error(describeError(e)) })
            }
          >
            {t('sales.invoice.createDraft')}
          </Button>
        )}
        {current && (
          <>
            <Typography.Text strong>{current.number}</Typography.Text>
            <RecordStatusTag status={current.status} label={t(`sales.invoiceStatuses.${current.status}`)} />
            {canIssue && current.status === 'draft' && (
              <Button type="primary" disabled={deal.balance.balance > 0} onClick={() => setIssuing(true)}>
                {t('sales.invoice.issue')}
              </Button>
            )}
            {canIssue && current.status === 'issued' && (
              <Button danger onClick={() => setVoiding(true)}>
                {t('sales.invoice.void')}
              </Button>
            )}
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('sales.invoice.print')}
            </Button>
            <Button icon={<FilePdfOutlined />} href={invoicePdfUrl(current.id)} target="_blank">
              PDF
            </Button>
          </>
        )}
      </Space>
      {!current && !mayCreate && (
        <Typography.Text type="secondary">{t('sales.invoice.none')}</Typography.Text>
      )}
      {current && <InvoiceSheet invoice={current} />}
      {current?.submission && current.submission.status !== 'none' && (
        <Typography.Text type="secondary">
          {t('sales.invoice.submission', {
            status: t(`sales.submissionStatuses.${current.submission.status}`),
            reference: current.submission.reference ?? '—',
          })}
        </Typography.Text>
      )}
      {all
        .filter((i) => i !== current)
        .map((i) => (
          <div key={i.id}>
            <Typography.Text type="secondary">
              {i.number} · {t(`sales.invoiceStatuses.${i.status}`)} {i.voidReason ? `· ${i.voidReason}` : ''}
            </Typography.Text>
          </div>
        ))}
      {current && <IssueModal invoice={current} open={issuing} onClose={() => setIssuing(false)} />}
      {current && <VoidModal invoice={current} open={voiding} onClose={() => setVoiding(false)} />}
    </Space>
  );
}
