import type { z } from 'zod';
import type { Delivery, deliveryListQuery, UpdateDelivery } from '../../../common/sales/delivery.schemas';
import {
  deliveryBlockersOf,
  deliveryDocuments,
  type PdiResult,
} from '../../../common/sales/delivery.checklist';
import { threeGuaranteeWindows } from '../../../common/rules/three-guarantee-windows';
import { validateCnPlate } from '../../../common/rules/cn-plate';
import { formatRuleMessage } from '../../../common/rules/messages';
import { localDateOf } from '../../../common/rules/civil-date';
import { isUniqueViolation } from '../../db/dialect-sql';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import { recordIssuedPlate } from '../crm';
import { findStoreRow } from '../identity';
import { storeAttachment } from './attachment.service';
import { dealBalance } from './balance';
import { findDealRow, loadDeal, reachFilter, type DealRow, updateAtVersion } from './sales.access';
import { salesSettingsOf } from './sales-settings.service';
import type { DeliveriesTable } from './sales.tables';

export type DeliveryRow = DeliveriesTable;
interface PdiEntry {
  item: string;
  result: PdiResult;
  note: string | null;
  photoIds: string[];
}
const stateConflict = (state: string) => new AppError('resource.state_conflict', { params: { state } });

async function invoiceIssued(db: DbOrTrx, dealId: string) {
  return Boolean(
    await db
      .selectFrom('invoices')
      .select('id')
      .where('deal_id', '=', dealId)
      .where('kind', '=', 'blue')
      .where('status', '=', 'issued')
      .executeTakeFirst(),
  );
}

export async function viewDelivery(db: DbOrTrx, row: DeliveryRow): Promise<Delivery> {
  const deal = (await findDealRow(db, row.deal_id))!;
  const names = await db
    .selectFrom('deals')
    .innerJoin('customers', 'customers.id', 'deals.customer_id')
    .innerJoin('trims', 'trims.id', 'deals.trim_id')
    .innerJoin('models', 'models.id', 'trims.model_id')
    .innerJoin('brands', 'brands.id', 'models.brand_id')
    .leftJoin('vehicles', 'vehicles.id', 'deals.vehicle_id')
    .innerJoin('stores', 'stores.id', 'deals.store_id')
    .select([
      'customers.name as customer_name',
      'trims.name as trim',
      'models.name as model',
      'brands.name as brand',
      'vehicles.vin as vin',
      'stores.timezone as timezone',
    ])
    .where('deals.id', '=', deal.id)
    .executeTakeFirstOrThrow();
  const pdi = JSON.parse(row.pdi_json) as PdiEntry[];
  const documents = JSON.parse(row.documents_json) as Delivery['documents'];
  const { balance } = await dealBalance(db, deal);
  const rate = row.compensation_rate_ppm === null ? null : row.compensation_rate_ppm / 1_000_000;
  const start = row.completed_at
    ? localDateOf(row.completed_at, names.timezone)
    : localDateOf(row.scheduled_at, names.timezone);
  const windows = threeGuaranteeWindows(start);
  return {
    id: row.id,
    number: row.number,
    dealId: deal.id,
    dealNumber: deal.number,
    storeId: row.store_id,
    customerId: deal.customer_id,
    customerName: names.customer_name,
    consultantId: deal.consultant_id,
    vin: names.vin ?? null,
    vehicleName: `${names.brand} ${names.model} ${names.trim}`,
    status: row.status as Delivery['status'],
    scheduledAt: row.scheduled_at,
    place: row.place,
    pdi,
    documents,
    keysExpected: row.keys_expected,
    keysHanded: row.keys_handed,
    compensationRate: rate,
    // 三包 Art. 18: the periods run from the invoice date or, where it differs, the delivery date
    threeGuarantee: {
      validityLastDay: windows.validity.lastDay,
      validityKm: windows.validity.km!,
      warrantyLastDay: windows.warranty.lastDay,
      warrantyKm: windows.warranty.km!,
    },
    ceremonyNotes: row.ceremony_notes,
    customerSignedAt: row.customer_signed_at,
    registrationStatus: row.registration_status as Delivery['registrationStatus'],
    plateNo: row.plate_no,
    balance,
    blockers:
      row.status === 'scheduled'
        ? deliveryBlockersOf({
            pdi,
            documents,
            keysExpected: row.keys_expected,
            keysHanded: row.keys_handed,
            compensationRate: rate,
            balance,
            invoiceIssued: await invoiceIssued(db, deal.id),
            customerSigned: row.customer_signed_at !== null,
          })
        : [],
    completedAt: row.completed_at,
    version: row.version,
    createdAt: row.created_at,
  };
}

/** Schedules the handover of a contracted deal (H5.1): the store's PDI items all pending, no document yet. */
export async function scheduleDelivery(
  trx: Trx,
  actor: Actor,
  input: { dealId: string; scheduledAt: string; place: string },
) {
  const deal = await loadDeal(trx, actor, input.dealId, 'deliveries.manage');
  if (deal.status !== 'contracted') throw stateConflict(deal.status);
  const settings = await salesSettingsOf(trx, deal.store_id);
  const store = (await findStoreRow(trx, deal.store_id))!;
  const now = nowIso();
  const row: DeliveryRow = {
    id: newId(),
    group_id: deal.group_id,
    store_id: deal.store_id,
    deal_id: deal.id,
    live_deal_id: deal.id,
    number: await nextDocumentNumber(trx, deal.store_id, 'JC', localYear(store.timezone)),
    status: 'scheduled',
    scheduled_at: new Date(input.scheduledAt).toISOString(),
    place: input.place,
    pdi_json: JSON.stringify(
      settings.pdiItems.map((item) => ({ item, result: 'pending', note: null, photoIds: [] })),
    ),
    documents_json: JSON.stringify(deliveryDocuments.map((document) => ({ document, present: false }))),
    keys_expected: settings.keysExpected,
    keys_handed: 0,
    compensation_rate_ppm: null,
    ceremony_notes: null,
    customer_signature: null,
    customer_signed_at: null,
    registration_status: 'not_requested',
    plate_no: null,
    completed_at: null,
    completed_by: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  try {
    await trx.insertInto('deliveries').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw stateConflict('delivery_exists');
    throw err;
  }
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: deal.store_id,
    entity: 'delivery',
    entityId: row.id,
    action: 'schedule',
    after: { scheduledAt: row.scheduled_at, place: row.place },
  });
  return viewDelivery(trx, row);
}

export async function loadDelivery(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  action: 'deliveries.read' | 'deliveries.manage',
) {
  const row = await db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('delivery');
  const deal = await loadDeal(db, actor, row.deal_id, action).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'resource.not_found') throw notFound('delivery');
    throw e;
  });
  return { row, deal };
}

export async function updateDeliveryRow(
  trx: DbOrTrx,
  row: DeliveryRow,
  version: number,
  changes: Partial<DeliveryRow>,
) {
  return updateAtVersion(trx, 'deliveries', row, version, changes);
}

/**
 * Records the PDI results, the documents handed over, keys, the 三包凭证 rate, the ceremony and — also
 * after the handover — the registration agency's progress and the plate.
 */
export async function updateDelivery(trx: Trx, actor: Actor, id: string, input: UpdateDelivery) {
  const { row } = await loadDelivery(trx, actor, id, 'deliveries.manage');
  const afterHandover = input.registrationStatus !== undefined || input.plateNo !== undefined;
  const checklist = Object.keys(input).some((k) => !['version', 'registrationStatus', 'plateNo'].includes(k));
  if (
    row.status === 'cancelled' ||
    (row.status === 'completed' && checklist) ||
    (!afterHandover && !checklist && row.status !== 'scheduled')
  )
    throw stateConflict(row.status);
  const changes: Partial<DeliveryRow> = {};
  if (input.scheduledAt) changes.scheduled_at = new Date(input.scheduledAt).toISOString();
  if (input.place) changes.place = input.place;
  if (input.pdi) {
    const pdi = JSON.parse(row.pdi_json) as PdiEntry[];
    for (const [i, p] of input.pdi.entries()) {
      const entry = pdi.find((e) => e.item === p.item);
      if (!entry)
        throw new AppError('request.invalid', {
          errors: [{ path: `pdi.${i}.item`, code: 'unknown_pdi_item', message: p.item }],
        });
      entry.result = p.result;
      entry.note = p.note ?? entry.note;
    }
    changes.pdi_json = JSON.stringify(pdi);
  }
  if (input.documents) {
    const docs = JSON.parse(row.documents_json) as Delivery['documents'];
    for (const d of input.documents) docs.find((e) => e.document === d.document)!.present = d.present;
    changes.documents_json = JSON.stringify(docs);
  }
  if (input.keysHanded !== undefined) {
    if (input.keysHanded > row.keys_expected)
      throw new AppError('request.invalid', {
        errors: [{ path: 'keysHanded', code: 'too_many', message: `at most ${row.keys_expected}` }],
      });
    changes.keys_handed = input.keysHanded;
  }
  if (input.compensationRate !== undefined)
    changes.compensation_rate_ppm = Math.round(input.compensationRate * 1_000_000);
  if (input.ceremonyNotes !== undefined) changes.ceremony_notes = input.ceremonyNotes;
  if (input.registrationStatus) changes.registration_status = input.registrationStatus;
  if (input.plateNo !== undefined) {
    // GA 36-2018: the plate as issued, checked and normalised
    const plate = validateCnPlate(input.plateNo);
    if (!plate.valid)
      throw new AppError('request.invalid', {
        errors: [
          {
            path: 'plateNo',
            code: plate.errors[0]?.code ?? 'invalid_plate',
            message: formatRuleMessage(plate.errors[0]?.code ?? '', plate.errors[0]?.params, 'en'),
          },
        ],
      });
    changes.plate_no = plate.normalized;
    changes.registration_status = 'plate_issued';
  }
  const after = await updateDeliveryRow(trx, row, input.version, changes);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'delivery',
    entityId: row.id,
    action: 'update',
    after: input,
  });
  if (changes.plate_no && after.status === 'completed') {
    const deal = (await findDealRow(trx, row.deal_id))!;
    const vin = await trx
      .selectFrom('vehicles')
      .select('vin')
      .where('id', '=', deal.vehicle_id!)
      .executeTakeFirstOrThrow();
    await recordIssuedPlate(trx, {
      groupId: row.group_id,
      customerId: deal.customer_id,
      vin: vin.vin,
      plate: changes.plate_no,
    });
  }
  return viewDelivery(trx, after);
}

/** A photo of a PDI item (damage found, or the proof it is fine). */
export async function addPdiPhoto(
  trx: Trx,
  actor: Actor,
  id: string,
  input: {
    item: string;
    mime: 'image/png' | 'image/jpeg' | 'application/pdf';
    dataBase64: string;
    fileName?: string;
  },
) {
  const { row, deal } = await loadDelivery(trx, actor, id, 'deliveries.manage');
  if (row.status !== 'scheduled') throw stateConflict(row.status);
  const pdi = JSON.parse(row.pdi_json) as PdiEntry[];
  const entry = pdi.find((e) => e.item === input.item);
  if (!entry)
    throw new AppError('request.invalid', {
      errors: [{ path: 'item', code: 'unknown_pdi_item', message: input.item }],
    });
  entry.photoIds.push(await storeAttachment(trx, actor, deal, 'pdi_photo', input));
  const after = await updateDeliveryRow(trx, row, row.version, { pdi_json: JSON.stringify(pdi) });
  return viewDelivery(trx, after);
}

/** The customer signs the handover (验收签字). */
export async function signDelivery(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { version: number; signature: string },
) {
  const { row } = await loadDelivery(trx, actor, id, 'deliveries.manage');
  if (row.status !== 'scheduled') throw stateConflict(row.status);
  const after = await updateDeliveryRow(trx, row, input.version, {
    customer_signature: input.signature,
    customer_signed_at: nowIso(),
  });
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'delivery',
    entityId: row.id,
    action: 'customer_sign',
  });
  return viewDelivery(trx, after);
}

export async function getDelivery(db: DbOrTrx, actor: Actor, id: string) {
  const { row } = await loadDelivery(db, actor, id, 'deliveries.read');
  return viewDelivery(db, row);
}

export async function listDeliveries(db: DbOrTrx, actor: Actor, query: z.infer<typeof deliveryListQuery>) {
  const reach = reachFilter(requirePermission(actor, 'deliveries.read'));
  let q = db
    .selectFrom('deliveries')
    .innerJoin('deals', 'deals.id', 'deliveries.deal_id')
    .selectAll('deliveries')
    .where('deliveries.group_id', '=', reach.groupId);
  if (reach.storeIds) q = q.where('deliveries.store_id', 'in', reach.storeIds);
  if (reach.consultantId) q = q.where('deals.consultant_id', '=', reach.consultantId);
  if (query.dealId) q = q.where('deliveries.deal_id', '=', query.dealId);
  if (query.storeId) q = q.where('deliveries.store_id', '=', query.storeId);
  if (query.status) q = q.where('deliveries.status', '=', query.status);
  if (query.from) q = q.where('deliveries.scheduled_at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('deliveries.scheduled_at', '<', new Date(query.to).toISOString());
  const sort = { column: 'deliveries.scheduled_at', direction: 'asc' as const, field: 'scheduledAt' };
  const rows = await applyPage(q, sort, 'deliveries.id', query.limit, query.cursor).execute();
  const items: Delivery[] = [];
  for (const r of rows.slice(0, query.limit)) items.push(await viewDelivery(db, r));
  return {
    items,
    nextCursor: toPage(
      rows,
      query.limit,
      (r) => r.scheduled_at,
      (r) => r.id,
      (r) => r.id,
    ).nextCursor,
  };
}

export type { DealRow };
