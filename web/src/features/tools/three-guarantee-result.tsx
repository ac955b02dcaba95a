import { Alert, Card, Descriptions, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatFen } from '@common/rules/money';
import type { TgRemedy, ThreeGuaranteeResult } from '@common/rules/three-guarantee-types';
import { parseArticle, useRuleText } from './rule-text';
import { ThreeGuaranteeChecks } from './three-guarantee-checks';

type WindowKey = keyof ThreeGuaranteeResult['windows'];
const windowKeys: WindowKey[] = ['sevenDay', 'sixtyDay', 'validity', 'warranty'];
const remedyColors: Record<TgRemedy['remedy'], string> = {
  return_or_replace: 'red',
  replace_assembly: 'orange',
  spare_car: 'gold',
  free_repair: 'blue',
};

function WindowsTable({ result }: { result: ThreeGuaranteeResult }) {
  const { t } = useRuleText();
  const columns: TableColumnsType<WindowKey> = [
    { title: t('tools.tg.window'), key: 'window', render: (_, k) => t(`tools.tg.windows.${k}`) },
    { title: t('tools.tg.lastDay'), key: 'lastDay', width: 120, render: (_, k) => result.windows[k].lastDay },
    {
      title: t('tools.tg.km'),
      key: 'km',
      width: 110,
      align: 'right',
      render: (_, k) => {
        const km = result.windows[k].km;
        return km === null ? t('common.none') : `${km.toLocaleString('en-US')} km`;
      },
    },
    {
      title: t('tools.tg.state'),
      key: 'open',
      width: 200,
      render: (_, k) =>
        result.windows[k].open ? (
          <Tag color="green">{t('tools.open')}</Tag>
        ) : (
          <Tag color="default">{t('tools.closed')}</Tag>
        ),
    },
  ];
  return (
    <Table<WindowKey>
      size="small"
      rowKey={(k) => k}
      columns={columns}
      dataSource={windowKeys}
      pagination={false}
    />
  );
}

function Remedies({ remedies }: { remedies: TgRemedy[] }) {
  const { t, message, articleLabel } = useRuleText();
  if (remedies.length === 0) return <Alert type="info" showIcon title={t('tools.tg.noRemedies')} />;
  const columns: TableColumnsType<TgRemedy> = [
    {
      title: t('tools.tg.remedy'),
      dataIndex: 'remedy',
      width: 230,
      render: (remedy: TgRemedy['remedy']) => (
        <Tag color={remedyColors[remedy]}>{t(`tools.tg.remedyKinds.${remedy}`)}</Tag>
      ),
    },
    { title: t('tools.tg.articleColumn'), dataIndex: 'article', width: 170, render: articleLabel },
    { title: t('tools.tg.reason'), key: 'reason', render: (_, r) => message(r.reason) },
  ];
  return (
    <Table<TgRemedy>
      size="small"
      data-testid="tg-remedies"
      rowKey={(r, i) => `${r.article}-${i ?? 0}`}
      columns={columns}
      dataSource={remedies}
      pagination={false}
    />
  );
}

/** The assessment: periods, remedies (with their article), usage compensation, then the article-by-article checks. */
export function ThreeGuaranteeResultView({ result }: { result: ThreeGuaranteeResult }) {
  const { t } = useRuleText();
  const comp = result.usageCompensation;
  const art24 = result.remedies.some((r) => parseArticle(r.article).article === 24);
  return (
    <div className="fc-tools-stack" data-testid="tg-result">
      <Card
        size="small"
        title={t('tools.tg.resultTitle')}
        extra={
          <span>
            {t('tools.tg.periodStart')}: <strong>{result.periodStart}</strong>
          </span>
        }
      >
        <WindowsTable result={result} />
      </Card>
      <Card size="small" title={t('tools.tg.remedies')}>
        <Remedies remedies={result.remedies} />
        {comp && art24 && (
          <Descriptions
            size="small"
            bordered
            column={1}
            style={{ marginTop: 12 }}
            styles={{ label: { width: 260 } }}
            items={[
              {
                key: 'comp',
                label: t('tools.tg.compensation'),
                children: (
                  <>
                    <strong>{formatFen(comp.amount)}</strong>{' '}
                    <Typography.Text type="secondary">
                      ={' '}
                      {t('tools.tg.compensationFormula', {
                        price: formatFen(comp.priceInclVat),
                        km: comp.km.toLocaleString('en-US'),
                        rate: +(comp.rate * 100).toFixed(4),
                      })}
                      {comp.rateIsMaximum ? ` (${t('tools.tg.compensationMax')})` : ''}
                    </Typography.Text>
                  </>
                ),
              },
            ]}
          />
        )}
      </Card>
      <ThreeGuaranteeChecks result={result} />
    </div>
  );
}
