import type { DbOrTrx } from '../../db/database';
import type { CustomerConsentsTable, CustomerMobilesTable, CustomersTable } from './crm.tables';

export type CustomerRow = CustomersTable;
export type CustomerMobileRow = CustomerMobilesTable;
export type CustomerConsentRow = CustomerConsentsTable;

export async function insertCustomerRow(db: DbOrTrx, row: CustomerRow) {
  await db.insertInto('customers').values(row).execute();
}

export function findCustomerRow(db: DbOrTrx, id: string) {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Writes the changed fields if the row is still at `version`; false when someone got there first. */
export async function updateCustomerRow(
  db: DbOrTrx,
  id: string,
  version: number,
  changes: Partial<CustomerRow>,
) {
  const res = await db
    .updateTable('customers')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function mobilesOf(db: DbOrTrx, customerIds: string[]) {
  const map = new Map<string, CustomerMobileRow[]>(customerIds.map((id) => [id, []]));
  for (let i = 0; i < customerIds.length; i += 500) {
    const rows = await db
      .selectFrom('customer_mobiles')
      .selectAll()
      .where('customer_id', 'in', customerIds.slice(i, i + 500))
      .orderBy('customer_id')
      .orderBy('position')
      .execute();
    for (const r of rows) map.get(r.customer_id)?.push(r);
  }
  return map;
}

/** Replaces a customer's mobile numbers; the first is the primary. */
export async function replaceMobiles(
  db: DbOrTrx,
  groupId: string,
  customerId: string,
  mobiles: string[],
  newId: () => string,
  now: string,
) {
  await db.deleteFrom('customer_mobiles').where('customer_id', '=', customerId).execute();
  if (mobiles.length === 0) return;
  await db
    .insertInto('customer_mobiles')
    .values(
      mobiles.map((mobile, position) => ({
        id: newId(),
        group_id: groupId,
        customer_id: customerId,
        mobile,
        mobile_last4: mobile.slice(-4),
        is_primary: position === 0 ? 1 : 0,
        position,
        created_at: now,
      })),
    )
    .execute();
}

export async function consentsOf(db: DbOrTrx, customerIds: string[]) {
  const map = new Map<string, CustomerConsentRow[]>(customerIds.map((id) => [id, []]));
  for (let i = 0; i < customerIds.length; i += 500) {
    const rows = await db
      .selectFrom('customer_consents')
      .selectAll()
      .where('customer_id', 'in', customerIds.slice(i, i + 500))
      .orderBy('channel')
      .execute();
    for (const r of rows) map.get(r.customer_id)?.push(r);
  }
  return map;
}

/** The latest consent per channel: one row per (customer, channel), replaced when it changes. */
export async function upsertConsents(db: DbOrTrx, rows: CustomerConsentRow[]) {
  for (const row of rows) {
    await db
      .insertInto('customer_consents')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['customer_id', 'channel']).doUpdateSet({
          granted: row.granted,
          source: row.source,
          recorded_at: row.recorded_at,
          recorded_by: row.recorded_by,
        }),
      )
      .execute();
  }
}

/** Display names of staff (read-only look into identity's users, for "owner" columns). */
export async function staffNames(db: DbOrTrx, ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Whether a user is active and holds a role in the store (read-only look into identity). */
export async function isActiveStaffOf(db: DbOrTrx, userId: string, storeId: string) {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_store_roles', 'user_store_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.id', '=', userId)
    .where('users.status', '=', 'active')
    .where('user_store_roles.store_id', '=', storeId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface DuplicateKeys {
  mobiles: string[];
  idNumberHash: string | null;
  companyCode: string | null;
}

/** Active customers of the group sharing a mobile, an identity number (by keyed hash) or a USCC. */
export async function findDuplicateRows(db: DbOrTrx, groupId: string, keys: DuplicateKeys) {
  const found = new Map<string, Set<'mobile' | 'identityNumber' | 'companyCode'>>();
  const add = (id: string, on: 'mobile' | 'identityNumber' | 'companyCode') =>
    found.set(id, (found.get(id) ?? new Set()).add(on));
  if (keys.mobiles.length) {
    const rows = await db
      .selectFrom('customer_mobiles')
      .select('customer_id')
      .where('group_id', '=', groupId)
      .where('mobile', 'in', keys.mobiles)
      .limit(50)
      .execute();
    for (const r of rows) add(r.customer_id, 'mobile');
  }
  if (keys.idNumberHash) {
    const rows = await db
      .selectFrom('customers')
      .select('id')
      .where('group_id', '=', groupId)
      .where('id_number_hash', '=', keys.idNumberHash)
      .limit(50)
      .execute();
    for (const r of rows) add(r.id, 'identityNumber');
  }
  if (keys.companyCode) {
    const rows = await db
      .selectFrom('customers')
      .select('id')
      .where('group_id', '=', groupId)
      .where('company_code', '=', keys.companyCode)
      .limit(50)
      .execute();
    for (const r of rows) add(r.id, 'companyCode');
  }
  if (found.size === 0) return [];
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .where('id', 'in', [...found.keys()])
    .where('status', '=', 'active')
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ row, matchedOn: [...found.get(row.id)!] }));
}
