import { useState } from 'react';
import { App, Button, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '@common/identity/user.schemas';
import type { Deal } from '@common/sales/deal.schemas';
import { describeError } from '../../api/form-errors';
import { permissionScope } from '../identity/auth-api';
import { useDealDecision, type DealDecision } from './deals-api';

/**
 * The deal's decisions legal now (the server's `actions`): submit the quote (agreed, or to a manager
 * when the discount is over the limit), approve or reject it (managers), reopen an agreed quote.
 */
export function DealDecisionBar({ me, deal }: { me: Me; deal: Deal }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<DealDecision | null>(null);
  const [note, setNote] = useState('');
  const submit = useDealDecision('submit');
  const approve = useDealDecision('approve');
  const reject = useDealDecision('reject');
  const reopen = useDealDecision('reopen');
  const mutations = { submit, approve, reject, reopen };
  const can = (a: string) => deal.actions.includes(a);
  const mayApprove = permissionScope(me, 'deals.approve') !== null;

  const run = (decision: DealDecision, withNote?: string) =>
    mutations[decision].mutate(
      { id: deal.id, body: { version: deal.version, ...(withNote ? { note: withNote } : {}) } },
      {
        onSuccess: (d) => {
          setAsking(null);
          setNote('');
          void message.success(
            t(`sales.decisions.done.${decision}`, { status: t(`sales.dealStatuses.${d.status}`) }),
          );
        },
        onError: (e) => void message.error(describeError(e)),
      },
    );

  return (
    <Space wrap>
      {(can('submit') || can('request_approval')) && (
        <Button type="primary" loading={submit.isPending} onClick={() => run('submit')}>
          {t('sales.decisions.submit')}
        </Button>
      )}
      {can('approve') && mayApprove && (
        <Button type="primary" onClick={() => setAsking('approve')}>
          {t('sales.decisions.approve')}
        </Button>
      )}
      {can('reject') && mayApprove && (
        <Button danger onClick={() => setAsking('reject')}>
          {t('sales.decisions.reject')}
        </Button>
      )}
      {can('reopen') && (
        <Button loading={reopen.isPending} onClick={() => run('reopen')}>
          {t('sales.decisions.reopen')}
        </Button>
      )}
      <Modal
        open={asking !== null}
        title={asking ? t(`sales.decisions.${asking}`) : ''}
        okText={asking ? t(`sales.decisions.${asking}`) : ''}
        confirmLoading={approve.isPending || reject.isPending}
        onOk={() => asking && run(asking, note.trim() || undefined)}
        onCancel={() => setAsking(null)}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          aria-label={t('sales.decisions.note')}
          placeholder={t('sales.decisions.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
