import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database';
import { tokenHash } from '../../platform/auth';
import { newId } from '../../platform/ids';

/**
 * Test volume for the service lane's list queries (list-query-plans.test.ts): per store, many repair
 * orders with lines, service requests, bookings and health records. Written straight into the tables.
 * Returns the path of a live public estimate (its parameter is a token, not an id).
 */
export async function seedServiceVolume(db: Db, groupId: string, storeIds: string[]) {
  const vehicles = await db
    .selectFrom('customer_vehicles')
    .select(['id', 'customer_id', 'vin', 'plate'])
    .orderBy('id')
    .limit(200)
    .execute();
  const advisor = await db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow();
  if (!vehicles.length) throw new Error('seedServiceVolume: no customer vehicles');
  const now = Date.now();
  const at = (i: number) => new Date(now - i * 600_000).toISOString();
  const statuses = ['open', 'diagnosing', 'in_progress', 'ready', 'closed', 'cancelled'];
  const bays = storeIds.map((storeId) => ({
    id: newId(),
    group_id: groupId,
    store_id: storeId,
    code: 'VOL-1',
    name: 'Volume bay',
    skills_json: '[]',
    active: 1,
    version: 1,
    created_at: at(0),
    updated_at: at(0),
  }));
  await db.insertInto('workshop_bays').values(bays).execute();
  const techs = storeIds.map((storeId) => ({
    id: newId(),
    group_id: groupId,
    store_id: storeId,
    user_id: advisor.id,
    skills_json: '[]',
    active: 1,
    version: 1,
    created_at: at(0),
    updated_at: at(0),
  }));
  await db.insertInto('workshop_technicians').values(techs).execute();
  let firstOrder = '';
  for (let b = 0; b < 6; b++) {
    const orders = Array.from({ length: 500 }, (_, i) => {
      const n = b * 500 + i;
      const v = vehicles[n % vehicles.length]!;
      return {
        id: newId(),
        group_id: groupId,
        store_id: storeIds[n % storeIds.length]!,
        number: `RO-2026-8${String(n).padStart(5, '0')}`,
        customer_id: v.customer_id,
        customer_vehicle_id: v.id,
        vin: v.vin,
        plate: v.plate,
        vehicle_name: null,
        booking_id: null,
        service_request_id: null,
        advisor_id: advisor.id,
        status: statuses[n % statuses.length]!,
        odometer_km: 10_000 + n,
        fuel_percent: null,
        damage_notes: null,
        photos_json: '[]',
        valuables: null,
        customer_concern: '保养',
        campaigns_json: '[]',
        findings: null,
        fault_codes_json: '[]',
        diagnosed_by: null,
        diagnosed_at: null,
        qc_checklist_json: null,
        qc_by: null,
        qc_at: null,
        handover_signer: null,
        handover_signature: null,
        delivered_at: null,
        settled_at: null,
        settled_by: null,
        invoice_number: null,
        labour_total: 0,
        parts_total: 0,
        sublet_total: 0,
        customer_total: 0,
        warranty_total: 0,
        insurance_total: 0,
        insurer_name: null,
        next_service_date: null,
        next_service_km: null,
        follow_up_task_id: null,
        satisfaction: null,
        follow_up_note: null,
        retain_until: null,
        cancel_reason: null,
        checked_in_at: at(n),
        closed_at: null,
        created_by: advisor.id,
        version: 1,
        created_at: at(n),
        updated_at: at(n),
      };
    });
    firstOrder ||= orders[0]!.id;
    await db.insertInto('repair_orders').values(orders).execute();
    await db
      .insertInto('repair_order_lines')
      .values(
        orders.map((o, i) => ({
          id: newId(),
          repair_order_id: o.id,
          store_id: o.store_id,
          kind: 'labor',
          labor_operation_id: null,
          description: '保养',
          part_number: null,
          quantity: 1,
          unit_price: 10_000,
          hours_centi: 50,
          amount: 10_000,
          payer: 'customer',
          approval: i % 3 === 0 ? 'declined' : 'approved',
          decided_at: o.created_at,
          decided_via: 'in_store',
          origin: 'estimate',
          work_status: 'not_started',
          issued_qty: 0,
          created_by: advisor.id,
          version: 1,
          created_at: o.created_at,
          updated_at: o.created_at,
        })),
      )
      .execute();
    await db
      .insertInto('health_records')
      .values(
        orders.map((o, i) => ({
          id: newId(),
          group_id: groupId,
          store_id: o.store_id,
          repair_order_id: o.id,
          status: i % 5 === 0 ? 'failed' : 'exported',
          payload_json: '{}',
          attempts: 1,
          last_error: null,
          exported_at: null,
          export_ref: null,
          version: 1,
          created_at: o.created_at,
          updated_at: o.created_at,
        })),
      )
      .execute();
    await db
      .insertInto('service_requests')
      .values(
        orders.map((o, i) => ({
          id: newId(),
          group_id: groupId,
          store_id: o.store_id,
          number: `SR-2026-8${String(b * 500 + i).padStart(5, '0')}`,
          customer_id: o.customer_id,
          customer_vehicle_id: o.customer_vehicle_id,
          channel: 'phone',
          category: 'maintenance',
          urgency: 'normal',
          description: '保养',
          status: i % 2 ? 'open' : 'closed',
          response_due_at: o.created_at,
          responded_at: null,
          responded_by: null,
          response_note: null,
          sla_missed_at: null,
          created_by: advisor.id,
          version: 1,
          created_at: o.created_at,
          updated_at: o.created_at,
        })),
      )
      .execute();
    await db
      .insertInto('service_bookings')
      .values(
        orders.map((o, i) => {
          const s = storeIds.indexOf(o.store_id);
          return {
            id: newId(),
            group_id: groupId,
            store_id: o.store_id,
            number: `SB-2026-8${String(b * 500 + i).padStart(5, '0')}`,
            customer_id: o.customer_id,
            customer_vehicle_id: o.customer_vehicle_id,
            service_request_id: null,
            labor_operation_id: null,
            skill: null,
            start_at: o.created_at,
            end_at: o.created_at,
            bay_id: bays[s]!.id,
            technician_id: techs[s]!.id,
            status: 'booked',
            note: null,
            pickup_address: null,
            pickup_driver: null,
            pickup_at: null,
            pickup_status: 'none',
            loaner_car: null,
            created_by: advisor.id,
            version: 1,
            created_at: o.created_at,
            updated_at: o.created_at,
          };
        }),
      )
      .execute();
  }
  const token = randomBytes(24).toString('base64url');
  await db
    .insertInto('repair_order_approvals')
    .values({
      id: newId(),
      repair_order_id: firstOrder,
      token_hash: tokenHash(token),
      line_ids_json: '[]',
      language: 'zh-CN',
      expires_at: new Date(now + 86_400_000).toISOString(),
      used_at: null,
      signer_name: null,
      created_by: advisor.id,
      created_at: at(0),
    })
    .execute();
  return `/api/v1/public/estimates/${token}`;
}
