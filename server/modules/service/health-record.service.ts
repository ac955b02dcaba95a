import type { Db, DbOrTrx, Trx } from '../../db/database';
import { localDateOf } from '../../../common/rules/civil-date';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { enqueueJob } from '../../platform/jobs';
import { applyPage, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import type { findStoreRow } from '../identity';
import { healthRecordAdapter, type HealthRecordPayload } from './health-record.adapter';
import type { LineRow, OrderView } from './repair-order.repo';
import { assertReach, listStores, parseJson } from './service.access';
import type { HealthRecordsTable } from './service.tables';

export const healthRecordExportJob = 'service.health_record_export';
type HealthRow = HealthRecordsTable & { number: string };
type StoreRow = NonNullable<Awaited<ReturnType<typeof findStoreRow>>>;

/**
 * The repair health record (汽车维修电子健康档案, JT/T 1132): what a settled order reports — company,
 * VIN, plate, repair date, mileage, settlement date and number, fault description, repair items with
 * hours, parts with names, codes and quantities. Only approved lines are reported.
 */
export function buildHealthRecord(order: OrderView, store: StoreRow, lines: LineRow[]): HealthRecordPayload {
  const approved = lines.filter((l) => l.approval === 'approved');
  return {
    companyName: store.name,
    companyCode: store.tax_id,
    vin: order.vin,
    plateNumber: order.plate,
    repairDate: localDateOf(order.checked_in_at, store.timezone),
    mileageKm: order.odometer_km,
    settlementDate: localDateOf(order.settled_at ?? nowIso(), store.timezone),
    settlementNumber: order.invoice_number ?? order.number,
    repairOrderNumber: order.number,
    faultDescription: [order.customer_concern, order.findings].filter(Boolean).join(' / '),
    repairItems: approved
      .filter((l) => l.kind !== 'part')
      .map((l) => ({ name: l.description, hours: l.hours_centi / 100 })),
    parts: approved
      .filter((l) => l.kind === 'part')
      .map((l) => ({ name: l.description, code: l.part_number ?? '', quantity: l.quantity })),
  };
}

/** Queues the export through the outbox, in the settlement's transaction. */
export async function createHealthRecord(trx: Trx, order: OrderView, store: StoreRow, lines: LineRow[]) {
  const now = nowIso();
  const row: HealthRecordsTable = {
    id: newId(),
    group_id: order.group_id,
    store_id: order.store_id,
    repair_order_id: order.id,
    status: 'pending',
    payload_json: JSON.stringify(buildHealthRecord(order, store, lines)),
    attempts: 0,
    last_error: null,
    exported_at: null,
    export_ref: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('health_records').values(row).execute();
  await enqueueJob(trx, healthRecordExportJob, { healthRecordId: row.id }, { storeId: order.store_id });
}

/**
 * The export job: hands the record to the upload adapter (a file export by default). A failure is written
 * on the record (attempts, last error, status `failed`) and rethrown, so the outbox retries it with backoff.
 */
export async function exportHealthRecord(db: Db, payload: { healthRecordId: string }) {
  const row = await db
    .selectFrom('health_records')
    .selectAll()
    .where('id', '=', payload.healthRecordId)
    .executeTakeFirst();
  if (!row || row.status === 'exported') return;
  const adapter = healthRecordAdapter();
  try {
    const ref = await adapter.upload(JSON.parse(row.payload_json) as HealthRecordPayload, row.id);
    await db
      .updateTable('health_records')
      .set((eb) => ({
        status: 'exported',
        exported_at: nowIso(),
        export_ref: ref,
        last_error: null,
        attempts: eb('attempts', '+', 1),
        version: eb('version', '+', 1),
        updated_at: nowIso(),
      }))
      .where('id', '=', row.id)
      .execute();
  } catch (err) {
    await db
      .updateTable('health_records')
      .set((eb) => ({
        status: 'failed',
        last_error: (err instanceof Error ? err.message : String(err)).slice(0, 1000),
        attempts: eb('attempts', '+', 1),
        version: eb('version', '+', 1),
        updated_at: nowIso(),
      }))
      .where('id', '=', row.id)
      .execute();
    throw err;
  }
}

const withNumber = (db: DbOrTrx) =>
  db
    .selectFrom('health_records')
    .innerJoin('repair_orders', 'repair_orders.id', 'health_records.repair_order_id')
    .selectAll('health_records')
    .select('repair_orders.number as number');

const toHealthRecord = (r: HealthRow) => ({
  id: r.id,
  storeId: r.store_id,
  repairOrderId: r.repair_order_id,
  repairOrderNumber: r.number,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  exportedAt: r.exported_at,
  exportRef: r.export_ref,
  payload: parseJson<Record<string, unknown>>(r.payload_json, {}),
  version: r.version,
  createdAt: r.created_at,
});

/** The exports of the stores in reach with their state: failures and their errors are visible here. */
export async function listHealthRecords(
  db: DbOrTrx,
  actor: Actor,
  query: { limit: number; cursor?: string; storeId?: string; status?: string },
) {
  const reach = requirePermission(actor, 'service.read');
  let q = withNumber(db).where('health_records.group_id', '=', reach.groupId);
  const stores = listStores(reach);
  if (stores) q = q.where('health_records.store_id', 'in', stores.length ? stores : ['']);
  if (query.storeId) q = q.where('health_records.store_id', '=', query.storeId);
  if (query.status) q = q.where('health_records.status', '=', query.status);
  const sort = { column: 'health_records.id', direction: 'desc' as const, field: 'id' };
  const rows = await applyPage(q, sort, 'health_records.id', query.limit, query.cursor).execute();
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => r.id,
    toHealthRecord,
  );
}

/** Sends a failed export again now (the outbox also retries it by itself with backoff). */
export async function retryHealthRecord(trx: Trx, actor: Actor, id: string) {
  const row = await withNumber(trx).where('health_records.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('health_record');
  assertReach(actor, 'service.manage', row, 'health_record');
  if (row.status !== 'failed')
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  await trx
    .updateTable('health_records')
    .set((eb) => ({ status: 'pending', version: eb('version', '+', 1), updated_at: nowIso() }))
    .where('id', '=', id)
    .execute();
  await enqueueJob(trx, healthRecordExportJob, { healthRecordId: id }, { storeId: row.store_id });
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'health_record',
    entityId: id,
    action: 'retry',
  });
  return toHealthRecord((await withNumber(trx).where('health_records.id', '=', id).executeTakeFirst())!);
}
