import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Invoice } from '../../../common/sales/money.schemas';

/**
 * The hand-off of an issued invoice to the e-invoicing provider (全电发票 / tax-control service). A
 * store plugs in its provider's client; the default writes each invoice as a JSON file for the
 * accountant's import. A failure throws: the outbox retries it and the invoice shows the error.
 */
export interface EInvoiceAdapter {
  readonly name: string;
  submit(invoice: Invoice): Promise<{ reference: string }>;
}

export function fileExportAdapter(
  dir = process.env.FORECOURT_EINVOICE_DIR ?? join(process.env.FORECOURT_DATA_DIR ?? 'data', 'einvoices'),
): EInvoiceAdapter {
  return {
    name: 'file-export',
    async submit(invoice) {
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${invoice.number}${invoice.kind === 'red' ? '-red' : ''}.json`);
      await writeFile(
        file,
        JSON.stringify({ format: 'forecourt-vehicle-invoice', version: 1, invoice }, null, 2),
      );
      return { reference: file };
    },
  };
}

let current: EInvoiceAdapter = fileExportAdapter();
/** The adapter in use (tests and deployments may set another). */
export const eInvoiceAdapter = () => current;
export function useEInvoiceAdapter(adapter: EInvoiceAdapter) {
  current = adapter;
}
