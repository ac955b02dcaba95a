import type { Db } from '../../db/database';
import type { PiiKeys } from '../../platform/pii';
import { onJob, type HandlerRegistry } from '../../platform/worker';
import { eInvoiceJob } from './invoice.service';
import { submitInvoice } from './invoice-submission';

/** The sales module's jobs: issued invoices are handed to the e-invoicing adapter (retried on failure). */
export function registerSalesJobs(registry: HandlerRegistry, db: Db, keys: PiiKeys) {
  onJob(registry, eInvoiceJob, async (payload) => {
    await submitInvoice(db, keys, (payload as { invoiceId: string }).invoiceId);
  });
}
