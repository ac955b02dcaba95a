import { useRef, useState } from 'react';
import type { InputRef } from 'antd';
import {
  Alert,
  App,
  Button,
  Card,
  InputNumber,
  Input,
  List,
  Result,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, BarcodeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Stocktake } from '@common/parts/stocktake.schemas';
import type { Me } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { formatMoney } from '../catalog/catalog-format';
import { permissionScope, useMe } from '../identity/auth-api';
import { useStocktake, useStocktakeStep } from './parts-api';
import '../catalog/catalog.css';

type Line = Stocktake['lines'][number];

/** One line of the sheet as a phone shows it: bin, part, counted (settable), and the variance once submitted. */
function LineRow({ line, counting, onSet }: { line: Line; counting: boolean; onSet: (qty: number) => void }) {
  const { t } = useTranslation();
  const [qty, setQty] = useState<number | null>(line.countedQty);
  return (
    <List.Item
      actions={
        counting
          ? [
              <Space.Compact key="set">
                <InputNumber
                  aria-label={`${t('parts.stocktakes.countedQty')} ${line.partNo}`}
                  min={0}
                  precision={0}
                  value={qty}
                  onChange={setQty}
                  style={{ width: 80 }}
                />
                <Button onClick={() => qty !== null && onSet(qty)}>{t('parts.stocktakes.setQty')}</Button>
              </Space.Compact>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <span className="fc-mono">{line.bin ?? '—'}</span>
            <span className="fc-mono">{line.partNo}</span>
            <span>{line.name}</span>
          </Space>
        }
        description={
          <Space wrap>
            {line.expectedQty !== null && (
              <span>
                {t('parts.stocktakes.expected')} {line.expectedQty}
              </span>
            )}
            <span>
              {t('parts.stocktakes.countedQty')} {line.countedQty ?? '—'}
            </span>
            {line.variance !== null && (
              <Tag color={line.variance === 0 ? 'green' : 'red'}>
                {t('parts.stocktakes.variance')} {line.variance > 0 ? `+${line.variance}` : line.variance} ·{' '}
                {formatMoney(line.varianceValue)}
              </Tag>
            )}
          </Space>
        }
      />
    </List.Item>
  );
}

function Sheet({ me, sheet }: { me: Me; sheet: Stocktake }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useStocktakeStep(sheet.id);
  const scan = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  const counting = sheet.status === 'counting';
  const record = (counts: { barcode?: string; partId?: string; qty: number; mode: 'set' | 'add' }[]) =>
    step.mutate({ path: 'counts', body: { counts } }, { onSettled: () => scan.current?.focus() });
  const move = (path: string) =>
    step.mutate(
      { path, body: { version: sheet.version } },
      { onSuccess: () => path === 'approve' && void message.success(t('parts.stocktakes.postedMessage')) },
    );
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Link to="/stocktakes">
          <ArrowLeftOutlined />
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          <span className="fc-mono">{sheet.number}</span>
        </Typography.Title>
        <Tag>{t(`parts.stocktakes.statuses.${sheet.status}`)}</Tag>
        <span>{t('parts.stocktakes.counted', { counted: sheet.counted, lines: sheet.lines.length })}</span>
      </Space>
      {step.isError && (
        <Alert type="error" showIcon title={describeError(step.error)} style={{ marginBottom: 12 }} />
      )}
      {counting && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Input
            ref={scan}
            autoFocus
            size="large"
            prefix={<BarcodeOutlined />}
            aria-label={t('parts.stocktakes.scan')}
            placeholder={t('parts.stocktakes.scan')}
            value={code}
            inputMode="numeric"
            onChange={(e) => setCode(e.target.value)}
            onPressEnter={() => {
              const barcode = code.trim();
              setCode('');
              if (barcode) record([{ barcode, qty: 1, mode: 'add' }]);
            }}
          />
          <Typography.Text type="secondary">{t('parts.stocktakes.scanHelp')}</Typography.Text>
        </Card>
      )}
      {sheet.totalVariance !== null && (
        <Alert
          type={sheet.totalVariance === 0 ? 'success' : 'warning'}
          style={{ marginBottom: 12 }}
          title={`${t('parts.stocktakes.variance')} ${sheet.totalVariance} · ${t('parts.stocktakes.varianceValue')} ${formatMoney(sheet.totalVarianceValue)}`}
        />
      )}
      <List
        bordered
        dataSource={sheet.lines}
        renderItem={(line) => (
          <LineRow
            key={`${line.id}-${line.countedQty}`}
            line={line}
            counting={counting}
            onSet={(qty) => record([{ partId: line.partId, qty, mode: 'set' }])}
          />
        )}
      />
      <Space style={{ marginTop: 12 }} wrap>
        {counting && (
          <Button type="primary" size="large" loading={step.isPending} onClick={() => move('submit')}>
            {t('parts.stocktakes.submit')}
          </Button>
        )}
        {sheet.status === 'submitted' && permissionScope(me, 'stocktakes.approve') && (
          <Button type="primary" size="large" loading={step.isPending} onClick={() => move('approve')}>
            {t('parts.stocktakes.approve')}
          </Button>
        )}
        {sheet.status === 'submitted' && (
          <Button onClick={() => move('recount')}>{t('parts.stocktakes.recount')}</Button>
        )}
        {(counting || sheet.status === 'submitted') && (
          <Button danger onClick={() => move('cancel')}>
            {t('parts.stocktakes.cancel')}
          </Button>
        )}
      </Space>
    </div>
  );
}

/** A count sheet on a phone: blind counting by barcode, then the variance report and approval. */
export function StocktakePage() {
  const { id } = useParams();
  const me = useMe();
  const sheet = useStocktake(id);
  if (sheet.isError) return <Result status="warning" title={describeError(sheet.error)} />;
  if (!me.data || !sheet.data) return <Spin />;
  return <Sheet me={me.data} sheet={sheet.data} />;
}
