import type { z } from 'zod';
import type {
  createBaySchema,
  createLaborOperationSchema,
  createTechnicianSchema,
  workshopSettingsInput,
} from '../../../common/service/workshop.schemas';
import type { DbOrTrx, Trx } from '../../db/database';
import { isUniqueViolation } from '../../db/dialect-sql';
import { recordAudit } from '../../platform/audit';
import { AppError, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, toPage } from '../../platform/pagination';
import type { Actor } from '../../platform/permissions';
import { activeStaffWithRole } from '../identity';
import { listStores, parseJson, storeForAction } from './service.access';
import {
  baysOf,
  findSettingsRow,
  insertBayRow,
  insertLaborOperationRow,
  insertTechnicianRow,
  techniciansOf,
  upsertSettingsRow,
  type BayRow,
  type LaborOperationRow,
  type SettingsRow,
  type TechnicianRow,
} from './workshop.repo';
import { requirePermission } from '../../platform/permissions';

/** A workshop that was never set up opens 08:30-18:00 Monday to Saturday, 200 元/h, 30-minute slots. */
export const defaultSettings = {
  labour_rate: 20_000,
  opens_at: '08:30',
  closes_at: '18:00',
  open_days: '123456',
  slot_minutes: 30,
  first_response_minutes: 120,
  follow_up_days: 2,
};

export type Settings = Omit<SettingsRow, 'created_at' | 'updated_at'>;

/** The store's workshop settings (its own, or the defaults before they are saved). */
export async function settingsOf(db: DbOrTrx, store: { id: string; group_id: string }): Promise<Settings> {
  const row = await findSettingsRow(db, store.id);
  return row ?? { store_id: store.id, group_id: store.group_id, version: 0, ...defaultSettings };
}

export const toSettings = (s: Settings) => ({
  storeId: s.store_id,
  labourRate: s.labour_rate,
  opensAt: s.opens_at,
  closesAt: s.closes_at,
  openDays: s.open_days.split('').map(Number),
  slotMinutes: s.slot_minutes,
  firstResponseMinutes: s.first_response_minutes,
  followUpDays: s.follow_up_days,
  version: s.version,
});
export const toBay = (r: BayRow) => ({
  id: r.id,
  storeId: r.store_id,
  code: r.code,
  name: r.name,
  skills: parseJson<string[]>(r.skills_json, []),
  active: r.active === 1,
  version: r.version,
});
export const toTechnician = (r: TechnicianRow) => ({
  id: r.id,
  storeId: r.store_id,
  userId: r.user_id,
  name: r.name,
  skills: parseJson<string[]>(r.skills_json, []),
  active: r.active === 1,
  version: r.version,
});
export const toLaborOperation = (r: LaborOperationRow, labourRate: number) => ({
  id: r.id,
  storeId: r.store_id,
  code: r.code,
  name: r.name,
  hoursCenti: r.hours_centi,
  skill: r.skill,
  price: labourPrice(r.hours_centi, labourRate),
  version: r.version,
});

/** Labour price of a job (H6.1 5): standard hours × the store's hourly rate, rounded half up to 分. */
export function labourPrice(hoursCenti: number, labourRate: number) {
  return Math.floor((hoursCenti * labourRate + 50) / 100);
}

/** The workshop's bays, technicians and settings (H6.3). */
export async function workshopResources(db: DbOrTrx, actor: Actor, storeId?: string) {
  const { store } = await storeForAction(db, actor, 'service.read', storeId);
  return {
    settings: toSettings(await settingsOf(db, store)),
    bays: (await baysOf(db, store.id)).map(toBay),
    technicians: (await techniciansOf(db, store.id)).map(toTechnician),
  };
}

/** Opening hours, slot length, first-response SLA, follow-up day and labour rate of a store's workshop. */
export async function saveWorkshopSettings(
  trx: Trx,
  actor: Actor,
  input: z.infer<typeof workshopSettingsInput>,
) {
  const { store } = await storeForAction(trx, actor, 'workshop.manage', input.storeId);
  if (input.closesAt <= input.opensAt)
    throw new AppError('request.invalid', {
      errors: [{ path: 'closesAt', code: 'too_small', message: 'closes after it opens' }],
    });
  const existing = await findSettingsRow(trx, store.id);
  if (existing && input.version !== existing.version) throw versionConflict(existing.version);
  const now = nowIso();
  const row: SettingsRow = {
    store_id: store.id,
    group_id: store.group_id,
    labour_rate: input.labourRate,
    opens_at: input.opensAt,
    closes_at: input.closesAt,
    open_days: [...new Set(input.openDays)].sort().join(''),
    slot_minutes: input.slotMinutes,
    first_response_minutes: input.firstResponseMinutes,
    follow_up_days: input.followUpDays,
    version: (existing?.version ?? 0) + 1,
    created_at: existing?.created_at ?? now,
    updated_at: now,
  };
  if (!(await upsertSettingsRow(trx, row, existing ? existing.version : null)))
    throw versionConflict(existing?.version ?? 0);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'workshop_settings',
    entityId: store.id,
    action: existing ? 'update' : 'create',
    after: toSettings(row),
  });
  return toSettings(row);
}

const taken = (path: string) =>
  new AppError('resource.duplicate', { errors: [{ path, code: 'duplicate', message: 'already exists' }] });

export async function createBay(trx: Trx, actor: Actor, input: z.infer<typeof createBaySchema>) {
  const { store } = await storeForAction(trx, actor, 'workshop.manage', input.storeId);
  const now = nowIso();
  const row: BayRow = {
    id: newId(),
    group_id: store.group_id,
    store_id: store.id,
    code: input.code,
    name: input.name,
    skills_json: JSON.stringify([...new Set(input.skills)]),
    active: 1,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const exists = await trx
    .selectFrom('workshop_bays')
    .select('id')
    .where('store_id', '=', store.id)
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (exists) throw taken('code');
  await insertBayRow(trx, row);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'workshop_bay',
    entityId: row.id,
    action: 'create',
    after: toBay(row),
  });
  return toBay(row);
}

/** A technician of the workshop with their skills (e.g. hv: certified for high-voltage work on NEVs). */
export async function createTechnician(
  trx: Trx,
  actor: Actor,
  input: z.infer<typeof createTechnicianSchema>,
) {
  const { store } = await storeForAction(trx, actor, 'workshop.manage', input.storeId);
  const staff = await activeStaffWithRole(trx, store.id, 'technician');
  if (!staff.includes(input.userId))
    throw new AppError('request.invalid', {
      errors: [
        { path: 'userId', code: 'unknown_technician', message: 'not an active technician of the store' },
      ],
    });
  const exists = await trx
    .selectFrom('workshop_technicians')
    .select('id')
    .where('store_id', '=', store.id)
    .where('user_id', '=', input.userId)
    .executeTakeFirst();
  if (exists) throw taken('userId');
  const now = nowIso();
  const row = {
    id: newId(),
    group_id: store.group_id,
    store_id: store.id,
    user_id: input.userId,
    skills_json: JSON.stringify([...new Set(input.skills)]),
    active: 1,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  try {
    await insertTechnicianRow(trx, row);
  } catch (err) {
    if (isUniqueViolation(err)) throw taken('userId');
    throw err;
  }
  const view = toTechnician((await techniciansOf(trx, store.id)).find((t) => t.id === row.id)!);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'workshop_technician',
    entityId: row.id,
    action: 'create',
    after: view,
  });
  return view;
}

/** A canned job (标准工时): code, name, standard hours and the skill it needs. */
export async function createLaborOperation(
  trx: Trx,
  actor: Actor,
  input: z.infer<typeof createLaborOperationSchema>,
) {
  const { store } = await storeForAction(trx, actor, 'workshop.manage', input.storeId);
  const exists = await trx
    .selectFrom('labor_operations')
    .select('id')
    .where('store_id', '=', store.id)
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (exists) throw taken('code');
  const now = nowIso();
  const row: LaborOperationRow = {
    id: newId(),
    group_id: store.group_id,
    store_id: store.id,
    code: input.code,
    name: input.name,
    hours_centi: input.hoursCenti,
    skill: input.skill ?? null,
    active: 1,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertLaborOperationRow(trx, row);
  const view = toLaborOperation(row, (await settingsOf(trx, store)).labour_rate);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'labor_operation',
    entityId: row.id,
    action: 'create',
    after: view,
  });
  return view;
}

export async function listLaborOperations(
  db: DbOrTrx,
  actor: Actor,
  query: { limit: number; cursor?: string; storeId?: string },
) {
  const reach = requirePermission(actor, 'service.read');
  let q = db.selectFrom('labor_operations').selectAll().where('group_id', '=', reach.groupId);
  const stores = listStores(reach);
  if (query.storeId) q = q.where('store_id', '=', query.storeId);
  if (stores) q = q.where('store_id', 'in', stores.length ? stores : ['']);
  const sort = { column: 'code', direction: 'asc' as const, field: 'code' };
  const rows = await applyPage(q, sort, 'id', query.limit, query.cursor).execute();
  const rates = new Map<string, number>();
  for (const storeId of new Set(rows.map((r) => r.store_id))) {
    const s = await findSettingsRow(db, storeId);
    rates.set(storeId, s?.labour_rate ?? defaultSettings.labour_rate);
  }
  return toPage(
    rows,
    query.limit,
    (r) => r.code,
    (r) => r.id,
    (r) => toLaborOperation(r, rates.get(r.store_id)!),
  );
}
