import { useState } from 'react';
import { Alert, Button, Modal, Space, Statistic, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/form-errors';
import type { ImportMode, ImportReport } from './vehicles-api';
import { useImportVehicles } from './vehicles-api';

type RowError = ImportReport['errors'][number];

/** Import stock from CSV/XLSX: a dry run reports bad rows by line, then the user imports. */
export function StockImportModal({
  open,
  storeId,
  onClose,
}: {
  open: boolean;
  storeId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const run = useImportVehicles();

  const start = (mode: ImportMode) => {
    if (!file) return;
    run.mutate({ file, mode, storeId }, { onSuccess: setReport });
  };
  const close = () => {
    setFile(null);
    setReport(null);
    run.reset();
    onClose();
  };
  const dryRun = report?.mode === 'dry-run' ? report : null;
  const done = report && report.mode !== 'dry-run' ? report : null;

  return (
    <Modal
      title={t('stock.import.title')}
      open={open}
      onCancel={close}
      width={760}
      footer={
        <Space>
          <Button onClick={close}>{t('common.close')}</Button>
          <Button
            disabled={!file || !!done}
            loading={run.isPending && !dryRun}
            onClick={() => start('dry-run')}
          >
            {t('stock.import.dryRun')}
          </Button>
          {dryRun && dryRun.valid > 0 && !done && (
            <Button
              type="primary"
              loading={run.isPending}
              onClick={() => start(dryRun.errors.length > 0 ? 'lenient' : 'strict')}
            >
              {dryRun.errors.length > 0
                ? t('stock.import.importValid', { count: dryRun.valid })
                : t('stock.import.importAll', { count: dryRun.valid })}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('stock.import.hint')}</Typography.Paragraph>
      <Upload
        accept=".csv,.xlsx"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setReport(null);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setReport(null);
        }}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
      >
        <Button icon={<UploadOutlined />}>{t('stock.import.choose')}</Button>
      </Upload>
      {run.isError && (
        <Alert type="error" showIcon title={describeError(run.error)} style={{ marginTop: 12 }} />
      )}
      {report && (
        <div style={{ marginTop: 16 }}>
          {done && (
            <Alert
              type="success"
              showIcon
              title={t('stock.import.written', { count: done.written })}
              style={{ marginBottom: 12 }}
            />
          )}
          <Space size={32} style={{ marginBottom: 12 }}>
            <Statistic title={t('stock.import.rows')} value={report.rows} />
            <Statistic title={t('stock.import.valid')} value={report.valid} />
            <Statistic title={t('stock.import.bad')} value={report.errors.length} />
            <Statistic title={t('stock.import.writtenCount')} value={report.written} />
          </Space>
          {report.errors.length > 0 && (
            <Table<RowError>
              size="small"
              rowKey={(e) => `${e.line}-${e.field ?? ''}-${e.code}`}
              dataSource={report.errors}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('stock.import.line'), dataIndex: 'line', width: 70 },
                {
                  title: t('stock.import.field'),
                  dataIndex: 'field',
                  width: 160,
                  render: (f: string | null) => f ?? t('common.none'),
                },
                { title: t('stock.import.problem'), dataIndex: 'message' },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
