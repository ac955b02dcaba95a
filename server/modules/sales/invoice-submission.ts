import type { Db } from '../../db/database';
import { type PiiKeys } from '../../platform/pii';
import { eInvoiceAdapter } from './einvoice.adapter';
import { toInvoice } from './invoice.view';

/** The outbox job: hands an issued invoice to the e-invoicing adapter; a failure is recorded and retried. */
export async function submitInvoice(database: Db, keys: PiiKeys, invoiceId: string) {
  const row = await database
    .selectFrom('invoices')
    .selectAll()
    .where('id', '=', invoiceId)
    .executeTakeFirst();
  if (!row || row.submission_status === 'sent') return;
  const invoice = toInvoice(row, keys, true, null);
  try {
    const { reference } = await eInvoiceAdapter().submit(invoice);
    await database
      .updateTable('invoices')
      .set({
        submission_status: 'sent',
        submission_ref: reference,
        submission_error: null,
        submission_attempts: row.submission_attempts + 1,
      })
      .where('id', '=', row.id)
      .execute();
  } catch (err) {
    await database
      .updateTable('invoices')
      .set({
        submission_status: 'failed',
        submission_error: String((err as Error).message ?? err).slice(0, 500),
        submission_attempts: row.submission_attempts + 1,
      })
      .where('id', '=', row.id)
      .execute();
    throw err;
  }
}
