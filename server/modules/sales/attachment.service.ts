import type { DbOrTrx, Trx } from '../../db/database';
import { AppError, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import type { Actor } from '../../platform/permissions';
import { loadDeal, type DealRow } from './sales.access';

const signatures: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8,
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

/** Stores an uploaded document (ID copy, PDI photo) of a deal after checking its bytes match its type. */
export async function storeAttachment(
  trx: Trx,
  actor: Actor,
  deal: DealRow,
  purpose: 'id_copy' | 'pdi_photo',
  upload: { mime: 'image/png' | 'image/jpeg' | 'application/pdf'; dataBase64: string; fileName?: string },
) {
  const bytes = Buffer.from(upload.dataBase64, 'base64');
  if (!signatures[upload.mime]!(bytes))
    throw new AppError('request.invalid', {
      errors: [
        { path: 'dataBase64', code: 'content_not_of_type', message: `the file is not ${upload.mime}` },
      ],
    });
  const id = newId();
  await trx
    .insertInto('sales_attachments')
    .values({
      id,
      group_id: deal.group_id,
      store_id: deal.store_id,
      deal_id: deal.id,
      purpose,
      mime: upload.mime,
      file_name: upload.fileName ?? null,
      size: bytes.length,
      data_base64: upload.dataBase64,
      uploaded_by: actor.userId,
      created_at: nowIso(),
    })
    .execute();
  return id;
}

/** An attachment's bytes, for whoever may read its deal. */
export async function readAttachment(db: DbOrTrx, actor: Actor, id: string) {
  const row = await db.selectFrom('sales_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('attachment');
  await loadDeal(db, actor, row.deal_id, 'deliveries.read').catch(async () =>
    loadDeal(db, actor, row.deal_id, 'deals.read'),
  );
  return { mime: row.mime, bytes: Buffer.from(row.data_base64, 'base64'), fileName: row.file_name };
}
