import type { z } from 'zod';
import type {
  CreateSupplier,
  PatchSupplier,
  Scorecard,
  Supplier,
  supplierListQuery,
} from '../../../common/parts/supplier.schemas';
import type { certificateKinds, supplierStatuses } from '../../../common/parts/purchase-order.status';
import { computeScorecard } from '../../../common/parts/scorecard';
import { validateUscc } from '../../../common/rules/uscc';
import type { DbOrTrx, Trx } from '../../db/database';
import { isUniqueViolation } from '../../db/dialect-sql';
import { changedFields, recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, toPage } from '../../platform/pagination';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { findStoreRow } from '../identity';
import { inStoreScope, loadStoreInReach } from './part.service';
import { localToday } from '../../../common/rules/civil-date';
import {
  certificatesOf,
  findSupplierRow,
  insertSupplier,
  replaceCertificates,
  supplierCodeTaken,
  supplierHistory,
  updateSupplierRow,
  type SupplierRow,
} from './supplier.repo';

type ListQuery = z.infer<typeof supplierListQuery>;

/** A supplier the actor may act on; another store's supplier is 404. */
export async function loadSupplier(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  action: 'suppliers.read' | 'suppliers.manage',
) {
  const reach = requirePermission(actor, action);
  const row = await findSupplierRow(db, id);
  if (!row || !reaches(reach, { groupId: row.group_id, storeIds: [row.store_id] }))
    throw notFound('supplier');
  return row;
}

/** Whether a supplier may receive purchase orders: approved, and no certificate past its date. */
export async function supplierOrderable(db: DbOrTrx, row: SupplierRow) {
  const store = await findStoreRow(db, row.store_id);
  const today = localToday(store?.timezone ?? 'Asia/Shanghai');
  const certs = (await certificatesOf(db, [row.id])).get(row.id) ?? [];
  const expired = certs.some((c) => c.valid_until < today);
  return { orderable: row.status === 'approved' && !expired, expired, today };
}

export async function toSuppliers(db: DbOrTrx, rows: SupplierRow[]): Promise<Supplier[]> {
  const certs = await certificatesOf(
    db,
    rows.map((r) => r.id),
  );
  const out: Supplier[] = [];
  for (const r of rows) {
    const { orderable, today } = await supplierOrderable(db, r);
    out.push({
      id: r.id,
      storeId: r.store_id,
      code: r.code,
      name: r.name,
      uscc: r.uscc,
      contactName: r.contact_name,
      contactPhone: r.contact_phone,
      status: r.status as (typeof supplierStatuses)[number],
      orderable,
      leadTimeDays: r.lead_time_days,
      manualQuality: r.manual_quality,
      manualService: r.manual_service,
      contractNo: r.contract_no,
      contractUntil: r.contract_until,
      note: r.note,
      certificates: (certs.get(r.id) ?? []).map((c) => ({
        kind: c.kind as (typeof certificateKinds)[number],
        number: c.number,
        validUntil: c.valid_until,
        expired: c.valid_until < today,
      })),
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    });
  }
  return out;
}

const certRows = (certs: CreateSupplier['certificates']) =>
  certs.map((c) => ({ id: newId(), kind: c.kind, number: c.number, valid_until: c.validUntil }));

function checkUscc(uscc: string | undefined) {
  if (uscc === undefined) return null;
  const v = validateUscc(uscc);
  if (!v.valid)
    throw new AppError('request.invalid', {
      errors: [{ path: 'uscc', code: 'invalid_uscc', message: 'not a valid unified social credit code' }],
    });
  return uscc.toUpperCase();
}

/** Registers a supplier with its qualification (licences, certificates); new suppliers start on probation. */
export async function createSupplier(trx: Trx, actor: Actor, input: CreateSupplier): Promise<Supplier> {
  const reach = requirePermission(actor, 'suppliers.manage');
  const store = await loadStoreInReach(trx, reach, input.storeId);
  const code = input.code.toUpperCase();
  const taken = () =>
    new AppError('resource.duplicate', { errors: [{ path: 'code', code: 'duplicate', message: code }] });
  if (await supplierCodeTaken(trx, store.id, code)) throw taken();
  const now = nowIso();
  const row: SupplierRow = {
    id: newId(),
    group_id: store.group_id,
    store_id: store.id,
    code,
    name: input.name,
    uscc: checkUscc(input.uscc),
    contact_name: input.contactName ?? null,
    contact_phone: input.contactPhone ?? null,
    status: input.status,
    lead_time_days: input.leadTimeDays,
    manual_quality: input.manualQuality ?? null,
    manual_service: input.manualService ?? null,
    contract_no: input.contractNo ?? null,
    contract_until: input.contractUntil ?? null,
    note: input.note ?? null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  try {
    await insertSupplier(trx, row);
  } catch (err) {
    if (isUniqueViolation(err)) throw taken();
    throw err;
  }
  await replaceCertificates(trx, row.id, certRows(input.certificates));
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'supplier',
    entityId: row.id,
    action: 'create',
    after: { code, name: row.name, status: row.status },
  });
  return (await toSuppliers(trx, [row]))[0]!;
}

/** Changes a supplier: qualification status (approved / probation / blocked), certificates, scores. */
export async function updateSupplier(trx: Trx, actor: Actor, id: string, patch: PatchSupplier) {
  const row = await loadSupplier(trx, actor, id, 'suppliers.manage');
  if (row.version !== patch.version) throw versionConflict(row.version);
  const changes: Partial<SupplierRow> = { updated_at: nowIso() };
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.contactName !== undefined) changes.contact_name = patch.contactName;
  if (patch.contactPhone !== undefined) changes.contact_phone = patch.contactPhone;
  if (patch.status !== undefined) changes.status = patch.status;
  if (patch.leadTimeDays !== undefined) changes.lead_time_days = patch.leadTimeDays;
  if (patch.manualQuality !== undefined) changes.manual_quality = patch.manualQuality;
  if (patch.manualService !== undefined) changes.manual_service = patch.manualService;
  if (patch.contractNo !== undefined) changes.contract_no = patch.contractNo;
  if (patch.contractUntil !== undefined) changes.contract_until = patch.contractUntil;
  if (patch.note !== undefined) changes.note = patch.note;
  if (!(await updateSupplierRow(trx, id, row.version, changes))) throw versionConflict(row.version + 1);
  if (patch.certificates !== undefined) await replaceCertificates(trx, id, certRows(patch.certificates));
  const diff = changedFields(
    row as unknown as Record<string, unknown>,
    { ...row, ...changes } as unknown as Record<string, unknown>,
  );
  delete diff.before.updated_at;
  delete diff.after.updated_at;
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'supplier',
    entityId: id,
    action: 'update',
    ...diff,
  });
  return (await toSuppliers(trx, [{ ...row, ...changes, version: row.version + 1 }]))[0]!;
}

export async function getSupplier(db: DbOrTrx, actor: Actor, id: string) {
  return (await toSuppliers(db, [await loadSupplier(db, actor, id, 'suppliers.read')]))[0]!;
}

export async function listSuppliers(db: DbOrTrx, actor: Actor, query: ListQuery) {
  const reach = requirePermission(actor, 'suppliers.read');
  const scoped = await inStoreScope(db.selectFrom('suppliers').selectAll(), db, reach, query.storeId);
  if (!scoped) return { items: [], nextCursor: null };
  let q = scoped;
  if (query.status) q = q.where('status', '=', query.status);
  const sort = { column: 'name', direction: 'asc' as const, field: 'name' };
  const rows = await applyPage(q, sort, 'id', query.limit, query.cursor).execute();
  const page = toPage(
    rows,
    query.limit,
    (r) => r.name,
    (r) => r.id,
    (r) => r,
  );
  return { items: await toSuppliers(db, page.items), nextCursor: page.nextCursor };
}

/** The supplier's evaluation (H7.3.1) from its history, with the buyer's manual scores. */
export async function supplierScorecard(db: DbOrTrx, actor: Actor, id: string): Promise<Scorecard> {
  const row = await loadSupplier(db, actor, id, 'suppliers.read');
  const history = {
    ...(await supplierHistory(db, id)),
    manualQuality: row.manual_quality,
    manualService: row.manual_service,
  };
  return { supplierId: id, ...history, ...computeScorecard(history) };
}
