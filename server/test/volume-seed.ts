import { seedPartsVolume } from '../modules/parts/parts.seed-volume';
import { sql } from 'kysely';
import { seedSalesVolume } from './sales-volume';
import { seedCatalog } from '../modules/catalog/catalog.seed';
import { seedYard } from '../modules/vehicles/vehicles.seed';
import { seedCustomers } from '../modules/crm';
import { familyNeed, makeLead } from '../modules/crm/needs.fixtures';
import { newId } from '../platform/ids';
import { testKeys, type TestApp } from './harness';
import { makeStore } from './factories';
import { seedServiceVolume } from '../modules/service/service.volume';

/**
 * The volume the list-query plan test explains its queries over (list-query-plans.test.ts). Paths whose
 * parameter is not a record id (a share token) are filled into `fixedPaths` while seeding.
 */
/** Seeds a group the size of a busy dealer: 10 stores, ~2,000 trims, ~6,000 vehicles, 3,000 staff. */
export async function seedVolume(t: TestApp, fixedPaths: Map<string, string>) {
  const db = t.handle.db;
  const { group_id: groupId } = await db
    .selectFrom('stores')
    .select('group_id')
    .where('id', '=', t.hqStoreId)
    .executeTakeFirstOrThrow();
  const storeIds = [t.hqStoreId];
  for (let i = 0; i < 9; i++) storeIds.push((await makeStore(t)).id);
  await seedCatalog(db, groupId, storeIds);

  // more trims: copies of the demo catalogue's, each with its line on every store's price list
  const trims = await db.selectFrom('trims').selectAll().execute();
  const items = await db.selectFrom('price_list_items').selectAll().where('item_kind', '=', 'trim').execute();
  const copies = Math.ceil(2000 / trims.length);
  for (let c = 1; c <= copies; c++) {
    const clones = trims.map((trim) => ({ ...trim, id: newId(), code: `${trim.code}-X${c}` }));
    const idOf = new Map(trims.map((trim, i) => [trim.id, clones[i]!.id]));
    for (let i = 0; i < clones.length; i += 200)
      await db
        .insertInto('trims')
        .values(clones.slice(i, i + 200))
        .execute();
    const lines = items.map((item) => ({ ...item, id: newId(), item_ref: idOf.get(item.item_ref)! }));
    for (let i = 0; i < lines.length; i += 200)
      await db
        .insertInto('price_list_items')
        .values(lines.slice(i, i + 200))
        .execute();
  }
  await seedYard(db, groupId, storeIds, 3);

  const { password_hash } = await db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const roles = ['sales_consultant', 'service_advisor', 'technician', 'parts_clerk'] as const;
  for (let b = 0; b < 30; b++) {
    const users = Array.from({ length: 100 }, (_, i) => {
      const n = b * 100 + i;
      return {
        id: newId(),
        group_id: groupId,
        username: `plan.user.${n}`,
        display_name: `Plan ${n}`,
        staff_no: `EMP-2026-${String(n + 100).padStart(6, '0')}`,
        phone: '13812345678',
        id_number_enc: null,
        id_number_hash: null,
        password_hash,
        language: 'zh-CN',
        status: n % 10 === 0 ? 'disabled' : 'active',
        version: 1,
        created_at: now,
        updated_at: now,
      };
    });
    await db.insertInto('users').values(users).execute();
    await db
      .insertInto('user_store_roles')
      .values(users.map((u, i) => ({ user_id: u.id, store_id: storeIds[i % 10]!, role: roles[i % 4]! })))
      .execute();
  }

  // an audit trail: 5,000 changes spread over the vehicles
  const vehicles = await db.selectFrom('vehicles').select(['id', 'store_id']).execute();
  for (let b = 0; b < 10; b++)
    await db
      .insertInto('audit_log')
      .values(
        Array.from({ length: 500 }, (_, i) => {
          const v = vehicles[(b * 500 + i) % vehicles.length]!;
          return {
            id: newId(),
            at: new Date(Date.now() - (b * 500 + i) * 60_000).toISOString(),
            actor_id: null,
            store_id: v.store_id,
            entity: 'vehicle',
            entity_id: v.id,
            action: 'update',
            before_json: '{}',
            after_json: '{}',
          };
        }),
      )
      .execute();
  await seedCrmVolume(t, groupId, storeIds, fixedPaths);
  await seedSalesVolume(db, testKeys, groupId);
  fixedPaths.set('/api/v1/public/estimates/{token}', await seedServiceVolume(db, groupId, storeIds));
  await seedPartsVolume(db, groupId, storeIds);
  if (t.dialect === 'postgres') await sql`analyze`.execute(db);
}

/** The showroom's side: the demo customers, then 3,000 more with leads, appointments, visits and drives. */
async function seedCrmVolume(
  t: TestApp,
  groupId: string,
  storeIds: string[],
  fixedPaths: Map<string, string>,
) {
  const db = t.handle.db;
  // a lead's needs analysis through the API, so its recommendations are explained at volume too
  const { lead } = await makeLead(t, t.hqStoreId);
  const needs = await t.call('POST', '/api/v1/needs-analyses', {
    token: t.adminToken,
    body: { leadId: lead.id, answers: familyNeed() },
  });
  if (needs.status !== 201) throw new Error(`needs analysis: ${needs.status} ${JSON.stringify(needs.body)}`);
  const priced = await db
    .selectFrom('price_list_items')
    .innerJoin('price_lists', 'price_lists.id', 'price_list_items.price_list_id')
    .select('price_list_items.item_ref')
    .where('price_lists.store_id', '=', t.hqStoreId)
    .where('price_lists.status', '=', 'published')
    .where('price_list_items.item_kind', '=', 'trim')
    .orderBy('price_list_items.id')
    .executeTakeFirstOrThrow();
  const plan = await t.call('POST', '/api/v1/purchase-plans', {
    token: t.adminToken,
    body: {
      leadId: lead.id,
      needsAnalysisId: needs.body.id,
      items: [{ trimId: priced.item_ref }],
      payment: { kind: 'full' },
    },
  });
  if (plan.status !== 201) throw new Error(`purchase plan: ${plan.status} ${JSON.stringify(plan.body)}`);
  // the public page is reached by its share token, not an id
  const token = String(plan.body.sharePath).split('/').pop()!;
  fixedPaths.set('/api/v1/public/purchase-plans/{token}', `/api/v1/public/purchase-plans/${token}`);
  await seedCustomers(db, testKeys, groupId, storeIds);
  const template = await db.selectFrom('customers').selectAll().orderBy('id').executeTakeFirstOrThrow();
  const consultant = await db
    .selectFrom('user_store_roles')
    .select('user_id')
    .where('role', '=', 'sales_consultant')
    .where('store_id', '=', t.hqStoreId)
    .executeTakeFirst();
  const vehicle = await db
    .selectFrom('vehicles')
    .select(['id', 'store_id'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const now = Date.now();
  const at = (i: number) => new Date(now - i * 3_600_000).toISOString();
  for (let b = 0; b < 6; b++) {
    const customers = Array.from({ length: 500 }, (_, i) => {
      const n = b * 500 + i;
      return {
        ...template,
        id: newId(),
        store_id: storeIds[n % storeIds.length]!,
        number: `CU-2026-9${String(n).padStart(5, '0')}`,
        name: `量${n}`,
        name_search: `量${n}`,
        id_number_enc: null,
        id_number_hash: null,
        company_code: null,
        owner_id: n % storeIds.length === 0 ? (consultant?.user_id ?? null) : null,
      };
    });
    await db.insertInto('customers').values(customers).execute();
    const lead = (c: (typeof customers)[number], i: number) => ({
      id: newId(),
      group_id: groupId,
      store_id: c.store_id,
      number: `LD-2026-9${String(b * 500 + i).padStart(5, '0')}`,
      customer_id: c.id,
      source: 'phone',
      campaign_ref: null,
      referred_by: null,
      model_id: null,
      trim_id: null,
      interest: null,
      status: ['new', 'contacted', 'visited', 'lost'][i % 4]!,
      lost_reason: i % 4 === 3 ? 'price' : null,
      lost_note: null,
      owner_id: c.owner_id,
      assigned_at: null,
      sla_due_at: at(i - 1),
      first_contacted_at: i % 4 === 0 ? null : at(i),
      sla_breached_at: null,
      status_changed_at: at(i),
      version: 1,
      created_at: at(i),
      updated_at: at(i),
    });
    const leads = customers.map(lead);
    await db.insertInto('leads').values(leads).execute();
    await db
      .insertInto('appointments')
      .values(
        leads.map((l, i) => ({
          id: newId(),
          group_id: groupId,
          store_id: l.store_id,
          number: `AP-2026-9${String(b * 500 + i).padStart(5, '0')}`,
          customer_id: l.customer_id,
          lead_id: l.id,
          consultant_id: l.owner_id,
          channel: 'phone',
          scheduled_at: at(i - 48),
          duration_minutes: 60,
          purpose: null,
          trim_id: null,
          status: 'booked',
          reschedule_count: 0,
          confirmation_id: null,
          note: null,
          version: 1,
          created_by: null,
          created_at: at(i),
          updated_at: at(i),
        })),
      )
      .execute();
    const receptions = leads.map((l, i) => ({
      id: newId(),
      group_id: groupId,
      store_id: l.store_id,
      customer_id: l.customer_id,
      appointment_id: null,
      lead_id: l.id,
      consultant_id: l.owner_id,
      kind: 'walk_in',
      arrived_at: at(i),
      departed_at: at(i - 1),
      party_size: 2,
      impressions: null,
      customer_said: null,
      status: 'departed',
      version: 1,
      created_by: null,
      created_at: at(i),
      updated_at: at(i),
    }));
    await db.insertInto('receptions').values(receptions).execute();
    await db
      .insertInto('alerts')
      .values(
        leads.map((l, i) => ({
          id: newId(),
          group_id: groupId,
          store_id: l.store_id,
          kind: 'lead_sla_missed',
          recipient_id: null,
          recipient_role: 'sales_manager',
          entity: 'lead',
          entity_id: l.id,
          params_json: '{}',
          dedupe_key: `volume:${l.id}`,
          resolved_at: i % 2 === 0 ? at(i) : null,
          resolved_by: null,
          version: 1,
          created_at: at(i),
        })),
      )
      .execute();
    await db
      .insertInto('test_drives')
      .values(
        receptions.map((r, i) => ({
          id: newId(),
          group_id: groupId,
          store_id: vehicle.store_id,
          customer_id: r.customer_id,
          reception_id: null,
          lead_id: r.lead_id,
          vehicle_id: vehicle.id,
          consultant_id: null,
          licence_checked_by: null,
          licence_checked_at: null,
          licence_valid_until: null,
          route: null,
          status: 'completed',
          started_at: at(i),
          ended_at: at(i),
          start_km: null,
          end_km: null,
          feedback: null,
          version: 1,
          created_at: at(i),
          updated_at: at(i),
        })),
      )
      .execute();
  }
}
