import { Card, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '@common/rules/money';
import type { TaxReliefPolicy } from '@common/rules/tax-policies';

/** The NEV purchase-tax relief policies (data rows, newest first), the applied one highlighted. */
export function TaxPoliciesTable({
  policies,
  appliedId,
}: {
  policies: readonly TaxReliefPolicy[];
  appliedId: string | null;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<TaxReliefPolicy> = [
    {
      title: t('tools.tax.period'),
      key: 'period',
      width: 240,
      render: (_, p) => t('tools.tax.policyPeriod', { from: p.effectiveFrom, to: p.effectiveTo }),
    },
    {
      title: t('tools.tax.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: TaxReliefPolicy['kind']) => (
        <Tag color={kind === 'exempt' ? 'green' : 'blue'}>{t(`tools.tax.kinds.${kind}`)}</Tag>
      ),
    },
    {
      title: t('tools.tax.cap'),
      dataIndex: 'capFen',
      width: 140,
      align: 'right',
      render: (cap: number | null) => (cap === null ? t('tools.tax.noCap') : formatFen(cap)),
    },
    { title: t('tools.tax.reference'), dataIndex: 'reference' },
  ];
  return (
    <Card size="small" title={t('tools.tax.policies')}>
      <Table<TaxReliefPolicy>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={[...policies].reverse()}
        pagination={false}
        rowClassName={(p) => (p.id === appliedId ? 'fc-row-applied' : '')}
      />
    </Card>
  );
}
