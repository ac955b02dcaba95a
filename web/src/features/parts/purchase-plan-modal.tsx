import { useEffect, useRef, useState } from 'react';
import { Alert, Modal, Select, Spin, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { PartsPurchasePlan } from '@common/parts/parts-purchase-plan.schemas';
import { describeError } from '../../api/form-errors';
import { formatMoney } from '../catalog/catalog-format';
import { useConvertPurchasePlan, useCreatePurchasePlan, useSuppliers } from './purchasing-api';

/** Makes a purchase plan from the stock plan's proposals, then turns it into a PO to the chosen supplier. */
export function PurchasePlanModal({
  storeId,
  serviceLevel,
  onClose,
}: {
  storeId: string;
  serviceLevel: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePurchasePlan();
  const convert = useConvertPurchasePlan();
  const suppliers = useSuppliers(storeId);
  const [plan, setPlan] = useState<PartsPurchasePlan | null>(null);
  const [supplierId, setSupplierId] = useState<string>();
  const { mutate } = create;
  // one plan per opening (the ref survives React's strict-mode double effect)
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mutate({ storeId, serviceLevel }, { onSuccess: setPlan });
  }, [mutate, storeId, serviceLevel]);
  const orderable = (suppliers.data?.pages.flatMap((p) => p.items) ?? []).filter((s) => s.orderable);
  return (
    <Modal
      open
      width={720}
      title={plan ? t('parts.alerts.planTitle', { number: plan.number }) : t('parts.alerts.makePlan')}
      okText={t('parts.alerts.convert')}
      okButtonProps={{ disabled: !plan || !supplierId }}
      confirmLoading={convert.isPending}
      onCancel={onClose}
      onOk={() =>
        plan &&
        supplierId &&
        convert.mutate(
          { id: plan.id, body: { version: plan.version, supplierId } },
          { onSuccess: (p) => void navigate(`/purchase-orders/${p.purchaseOrderId}`) },
        )
      }
    >
      {(create.isError || convert.isError) && (
        <Alert
          type="error"
          showIcon
          title={describeError(create.error ?? convert.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      {!plan && create.isPending && <Spin />}
      {plan && (
        <>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={plan.lines}
            columns={[
              {
                title: t('parts.fields.partNo'),
                dataIndex: 'partNo',
                render: (v: string) => <span className="fc-mono">{v}</span>,
              },
              { title: t('parts.fields.partName'), dataIndex: 'name' },
              { title: t('parts.fields.qty'), dataIndex: 'qty', align: 'right' },
              {
                title: t('parts.fields.unitPrice'),
                dataIndex: 'unitPrice',
                align: 'right',
                render: (v: number) => formatMoney(v),
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  {t('parts.orders.total')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {formatMoney(plan.total)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          <Select
            aria-label={t('parts.alerts.supplier')}
            placeholder={t('parts.alerts.supplier')}
            value={supplierId}
            onChange={setSupplierId}
            options={orderable.map((s) => ({ value: s.id, label: s.name }))}
            style={{ width: '100%', marginTop: 12 }}
          />
        </>
      )}
    </Modal>
  );
}
