import { Card, Col, Row, Space, Statistic, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TgCheck, ThreeGuaranteeResult } from '@common/rules/three-guarantee-types';
import { parseArticle, useRuleText } from './rule-text';

const articleTitles = ['19', '20', '21', '22', '23', '24'] as const;
type TitledArticle = (typeof articleTitles)[number];

/** The checks in the order of the regulation (Art. 19 first, then 20 … 24(4)); stable within an article. */
function byArticle(checks: TgCheck[]): TgCheck[] {
  const key = (c: TgCheck) => {
    const { article, item } = parseArticle(c.article);
    return article * 100 + (item ?? 0);
  };
  return [...checks].sort((a, b) => key(a) - key(b));
}

/** Repair days (Art. 40) and every article examined, met or not, with its reason. */
export function ThreeGuaranteeChecks({ result }: { result: ThreeGuaranteeResult }) {
  const { t, message, articleLabel } = useRuleText();

  const titleOf = (article: string) => {
    const n = String(parseArticle(article).article);
    return (articleTitles as readonly string[]).includes(n)
      ? t(`tools.tg.articles.${n as TitledArticle}`)
      : '';
  };

  const columns: TableColumnsType<TgCheck> = [
    {
      title: t('tools.tg.articleColumn'),
      dataIndex: 'article',
      width: 300,
      render: (article: string) => (
        <Space orientation="vertical" size={0}>
          <strong>{articleLabel(article)}</strong>
          <span style={{ color: 'rgba(0,0,0,0.55)', fontSize: 12 }}>{titleOf(article)}</span>
        </Space>
      ),
    },
    {
      title: t('tools.tg.outcome'),
      dataIndex: 'met',
      width: 100,
      render: (met: boolean) =>
        met ? <Tag color="green">{t('tools.met')}</Tag> : <Tag>{t('tools.notMet')}</Tag>,
    },
    { title: t('tools.tg.reason'), key: 'reason', render: (_, c) => message(c.reason) },
  ];

  const same = Object.entries(result.sameProblemRepairs);
  return (
    <>
      <Card size="small" title={t('tools.tg.repairDays')}>
        <Row gutter={[16, 12]}>
          <Col xs={24} md={6}>
            <Statistic
              title={t('tools.tg.cumulative')}
              value={result.repairDays.cumulative}
              suffix={t('tools.tg.daysUnit')}
              styles={{ content: { color: result.repairDays.cumulative > 30 ? '#cf1322' : undefined } }}
            />
          </Col>
          <Col xs={24} md={9}>
            <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>{t('tools.tg.perRepair')}</div>
            <Space wrap size={[4, 4]}>
              {result.repairDays.perRepair.map((d, i) => (
                <Tag key={i}>
                  {t('tools.tg.repairNo', { n: i + 1 })}: {t('tools.tg.days', { count: d })}
                </Tag>
              ))}
            </Space>
          </Col>
          <Col xs={24} md={9}>
            <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>{t('tools.tg.sameProblem')}</div>
            <Space wrap size={[4, 4]}>
              {same.length === 0
                ? t('common.none')
                : same.map(([problem, count]) => (
                    <Tag key={problem} color={count > 4 ? 'red' : 'default'}>
                      {problem} × {count}
                    </Tag>
                  ))}
            </Space>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('tools.tg.checks')}>
        <Table<TgCheck>
          size="small"
          data-testid="tg-checks"
          rowKey={(c, i) => `${c.article}-${i ?? 0}`}
          columns={columns}
          dataSource={byArticle(result.checks)}
          pagination={false}
        />
      </Card>
    </>
  );
}
