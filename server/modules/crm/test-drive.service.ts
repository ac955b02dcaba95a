import type { z } from 'zod';
import type {
  createTestDriveSchema,
  TestDrive,
  testDriveListQuery,
} from '../../../common/crm/reception.schemas';
import {
  canMove,
  testDriveTransitions,
  type TestDriveAction,
  type TestDriveStatus,
} from '../../../common/crm/reception.status';
import { localToday } from '../../../common/rules/civil-date';
import type { DbOrTrx, Trx } from '../../db/database';
import { isUniqueViolation } from '../../db/dialect-sql';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import { findTrimSummaries } from '../catalog';
import { findStoreRow } from '../identity';
import { findVehicleRow } from '../vehicles';
import { linkableCustomer } from './lead.service';
import { checkLinkedLead, reachesStoreRecord, sellsIn, type ReceptionAction } from './reception.access';
import {
  findReception,
  findTestDrive,
  testDrivesWithNames,
  updateVersioned,
  type TestDriveRow,
  type TestDriveView,
} from './reception.repo';
import { recordCustomerEvent } from './timeline.service';

/** Cars a customer may drive: the store's demo cars, or a car in stock. */
const drivable = ['demo', 'in_stock'];

async function vehicleNames(db: DbOrTrx, rows: { vehicle_id: string }[]) {
  const vehicles = await Promise.all(
    [...new Set(rows.map((r) => r.vehicle_id))].map((id) => findVehicleRow(db, id)),
  );
  const trims = await findTrimSummaries(
    db,
    vehicles.map((v) => v!.trim_id),
  );
  return new Map(
    vehicles.map((v) => {
      const trim = trims.get(v!.trim_id);
      return [v!.id, trim ? `${trim.brandName} ${trim.modelName} ${trim.name}` : v!.vin];
    }),
  );
}

const toTestDrive = (r: TestDriveView, vehicleName: string): TestDrive => ({
  id: r.id,
  storeId: r.store_id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  receptionId: r.reception_id,
  leadId: r.lead_id,
  vehicleId: r.vehicle_id,
  vin: r.vin,
  vehicleName,
  consultantId: r.consultant_id,
  licenceCheckedBy: r.licence_checked_by,
  licenceCheckedAt: r.licence_checked_at,
  licenceValidUntil: r.licence_valid_until,
  route: r.route,
  status: r.status as TestDrive['status'],
  startedAt: r.started_at,
  endedAt: r.ended_at,
  startKm: r.start_km,
  endKm: r.end_km,
  feedback: r.feedback,
  version: r.version,
  createdAt: r.created_at,
});

export async function toTestDrives(db: DbOrTrx, rows: TestDriveView[]) {
  const names = await vehicleNames(db, rows);
  return rows.map((r) => toTestDrive(r, names.get(r.vehicle_id) ?? r.vin));
}

async function loadTestDrive(db: DbOrTrx, actor: Actor, id: string, action: ReceptionAction) {
  const row = await findTestDrive(db, id);
  if (!row || !reachesStoreRecord(requirePermission(actor, action), row)) throw notFound('test_drive');
  return row;
}

/** The driving licence is valid on the store's date (GB/T: the licence's own expiry date). */
async function checkLicenceDate(db: DbOrTrx, storeId: string, validUntil: string) {
  const store = (await findStoreRow(db, storeId))!;
  const today = localToday(store.timezone);
  if (validUntil < today)
    throw new AppError('crm.licence_expired', {
      params: { validUntil },
      errors: [{ path: 'licenceValidUntil', code: 'expired', message: `expired on ${validUntil}` }],
    });
}

/**
 * Plans a test drive (试乘试驾, H3.1.3) in a demo or in-stock car of the vehicle's store, for a customer
 * of the group, optionally within a reception; the licence may be checked now or before the start.
 */
export async function createTestDrive(
  trx: Trx,
  actor: Actor,
  input: z.infer<typeof createTestDriveSchema>,
): Promise<TestDrive> {
  const reach = requirePermission(actor, 'reception.manage');
  const vehicle = await findVehicleRow(trx, input.vehicleId);
  if (!vehicle || !reachesStoreRecord(reach, vehicle))
    throw new AppError('request.invalid', {
      errors: [{ path: 'vehicleId', code: 'unknown_vehicle', message: 'not a vehicle of your store' }],
    });
  if (!drivable.includes(vehicle.status))
    throw new AppError('crm.vehicle_not_available', {
      params: { status: vehicle.status },
      errors: [{ path: 'vehicleId', code: 'not_available', message: vehicle.status }],
    });
  const customer = await linkableCustomer(trx, actor, input.customerId);
  let receptionLead: string | null = null;
  if (input.receptionId) {
    const reception = await findReception(trx, input.receptionId);
    if (!reception || reception.store_id !== vehicle.store_id || reception.customer_id !== customer.id)
      throw new AppError('request.invalid', {
        errors: [
          { path: 'receptionId', code: 'unknown_reception', message: "not this customer's visit here" },
        ],
      });
    receptionLead = reception.lead_id;
  }
  const lead = await checkLinkedLead(trx, input.leadId ?? receptionLead, customer.id, vehicle.store_id);
  const now = nowIso();
  if (input.licenceValidUntil) await checkLicenceDate(trx, vehicle.store_id, input.licenceValidUntil);
  const row: TestDriveRow = {
    id: newId(),
    group_id: vehicle.group_id,
    store_id: vehicle.store_id,
    customer_id: customer.id,
    reception_id: input.receptionId ?? null,
    lead_id: lead?.id ?? null,
    vehicle_id: vehicle.id,
    consultant_id: sellsIn(actor, vehicle.store_id) ? actor.userId : (lead?.owner_id ?? null),
    licence_checked_by: input.licenceValidUntil ? actor.userId : null,
    licence_checked_at: input.licenceValidUntil ? now : null,
    licence_valid_until: input.licenceValidUntil ?? null,
    route: input.route ?? null,
    status: 'planned',
    started_at: null,
    ended_at: null,
    start_km: null,
    end_km: null,
    feedback: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('test_drives').values(row).execute();
  const [drive] = await toTestDrives(trx, [(await findTestDrive(trx, row.id))!]);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'test_drive',
    entityId: row.id,
    action: 'create',
    after: drive,
  });
  return drive!;
}

/** Records that the consultant saw a valid driving licence (its expiry date); needed before the start. */
export async function checkLicence(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { version: number; licenceValidUntil: string },
) {
  const row = await loadTestDrive(trx, actor, id, 'reception.manage');
  if (row.status !== 'planned')
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  await checkLicenceDate(trx, row.store_id, input.licenceValidUntil);
  return saveMove(trx, actor, row, input.version, 'check_licence', {
    licence_checked_by: actor.userId,
    licence_checked_at: nowIso(),
    licence_valid_until: input.licenceValidUntil,
  });
}

/**
 * Starts, ends or cancels a test drive along its status machine. No start without a checked licence,
 * and one car is on one drive at a time (a unique index makes the second start fail on both databases).
 */
export async function moveTestDrive(
  trx: Trx,
  actor: Actor,
  id: string,
  action: TestDriveAction,
  input: { version: number; startKm?: number; endKm?: number; feedback?: string },
): Promise<TestDrive> {
  const row = await loadTestDrive(trx, actor, id, 'reception.manage');
  if (!canMove(testDriveTransitions, row.status as TestDriveStatus, action))
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  const now = nowIso();
  const changes: Partial<TestDriveRow> = { status: testDriveTransitions[action].to };
  if (action === 'start') {
    if (!row.licence_checked_at) throw new AppError('crm.licence_not_checked');
    Object.assign(changes, { started_at: now, start_km: input.startKm ?? null });
  }
  if (action === 'end') {
    if (input.endKm !== undefined && row.start_km !== null && input.endKm < row.start_km)
      throw new AppError('request.invalid', {
        errors: [{ path: 'endKm', code: 'below_start', message: `below the start reading ${row.start_km}` }],
      });
    Object.assign(changes, { ended_at: now, end_km: input.endKm ?? null, feedback: input.feedback ?? null });
  }
  const drive = await saveMove(trx, actor, row, input.version, action, changes);
  if (action !== 'cancel')
    await recordCustomerEvent(trx, {
      groupId: row.group_id,
      storeId: row.store_id,
      customerId: row.customer_id,
      type: action === 'start' ? 'crm.test_drive.started' : 'crm.test_drive.completed',
      entity: 'test_drive',
      entityId: row.id,
      actorId: actor.userId,
      data: { vehicle: drive.vehicleName, vin: drive.vin, route: drive.route, feedback: drive.feedback },
    });
  return drive;
}

async function saveMove(
  trx: Trx,
  actor: Actor,
  row: TestDriveView,
  version: number,
  action: string,
  changes: Partial<TestDriveRow>,
) {
  if (version !== row.version) throw versionConflict(row.version);
  try {
    if (!(await updateVersioned(trx, 'test_drives', row.id, version, changes)))
      throw versionConflict(row.version + 1);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('crm.vehicle_on_test_drive');
    throw err;
  }
  const [drive] = await toTestDrives(trx, [(await findTestDrive(trx, row.id))!]);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'test_drive',
    entityId: row.id,
    action,
    before: { status: row.status },
    after: {
      status: drive!.status,
      ...(changes.licence_valid_until ? { licenceValidUntil: changes.licence_valid_until } : {}),
    },
  });
  return drive!;
}

export async function getTestDrive(db: DbOrTrx, actor: Actor, id: string) {
  const [drive] = await toTestDrives(db, [await loadTestDrive(db, actor, id, 'reception.read')]);
  return drive!;
}

/** Test drives of the stores in reach, newest first. */
export async function listTestDrives(db: DbOrTrx, actor: Actor, query: z.infer<typeof testDriveListQuery>) {
  const reach = requirePermission(actor, 'reception.read');
  let q = testDrivesWithNames(db).where('test_drives.group_id', '=', reach.groupId);
  if (reach.scope !== 'group')
    q = q.where('test_drives.store_id', 'in', reach.scope === 'store' ? reach.storeIds : ['']);
  if (query.storeId) q = q.where('test_drives.store_id', '=', query.storeId);
  if (query.customerId) q = q.where('test_drives.customer_id', '=', query.customerId);
  if (query.vehicleId) q = q.where('test_drives.vehicle_id', '=', query.vehicleId);
  if (query.status) q = q.where('test_drives.status', '=', query.status);
  const sort = { column: 'test_drives.id', direction: 'desc' as const, field: 'id' };
  const rows = await applyPage(q, sort, 'test_drives.id', query.limit, query.cursor).execute();
  const page = toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => r.id,
    (r) => r,
  );
  return { items: await toTestDrives(db, page.items), nextCursor: page.nextCursor };
}
