import type { DbOrTrx } from '../../db/database';

export interface DealBalance {
  due: number;
  confirmed: number;
  awaitingConfirmation: number;
  refunded: number;
  balance: number;
  overpaid: number;
}

/**
 * A deal's money (H4.3.1), always derived from the records, never stored: what it owes the dealer,
 * the payments finance confirmed, those still awaiting confirmation, and the refunds made (a refund
 * record counts from the moment it is created: the money is owed back to the customer).
 */
export async function dealBalances(
  db: DbOrTrx,
  deals: { id: string; due_to_dealer: number; status: string }[],
) {
  const map = new Map<string, DealBalance>();
  if (deals.length === 0) return map;
  const ids = deals.map((d) => d.id);
  const payments = await db
    .selectFrom('payments')
    .select(['deal_id', 'status', (eb) => eb.fn.sum<number>('amount').as('total')])
    .where('deal_id', 'in', ids)
    .groupBy(['deal_id', 'status'])
    .execute();
  const refunds = await db
    .selectFrom('refunds')
    .select(['deal_id', (eb) => eb.fn.sum<number>('amount').as('total')])
    .where('deal_id', 'in', ids)
    .groupBy('deal_id')
    .execute();
  for (const d of deals) {
    const sumOf = (status: string) =>
      Number(payments.find((p) => p.deal_id === d.id && p.status === status)?.total ?? 0);
    const confirmed = sumOf('confirmed');
    const refunded = Number(refunds.find((r) => r.deal_id === d.id)?.total ?? 0);
    // a cancelled deal owes nothing: what was paid is owed back (H4.1.3)
    const due = d.status === 'cancelled' ? 0 : d.due_to_dealer;
    const balance = due - confirmed + refunded;
    map.set(d.id, {
      due,
      confirmed,
      awaitingConfirmation: sumOf('recorded'),
      refunded,
      balance,
      overpaid: balance < 0 ? -balance : 0,
    });
  }
  return map;
}

export async function dealBalance(db: DbOrTrx, deal: { id: string; due_to_dealer: number; status: string }) {
  return (await dealBalances(db, [deal])).get(deal.id)!;
}
