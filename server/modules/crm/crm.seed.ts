import type { Db } from '../../db/database';
import { newId, nowIso } from '../../platform/ids';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { encryptField, lookupHash, type PiiKeys } from '../../platform/pii';
import { findStoreRow } from '../identity';
import {
  demoCompanies,
  demoMobile,
  demoPeople,
  demoPlate,
  demoResidentId,
  demoUscc,
  demoVin,
} from './crm-seed.data';
import { nameSearchForm } from './customer-search.repo';
import { recordCustomerEvent } from './timeline.service';

/**
 * Demo customer file: per store a dozen individuals and a company with valid mobiles, resident ids
 * (encrypted), USCCs, plates and VINs, owned by the store's consultant when there is one. Idempotent:
 * a customer whose mobile is already in the group is skipped.
 */
export async function seedCustomers(
  db: Db,
  keys: PiiKeys,
  groupId: string,
  storeIds: string[],
  perStore = 12,
) {
  let added = 0;
  for (const [s, storeId] of storeIds.slice(0, 3).entries()) {
    const store = await findStoreRow(db, storeId);
    if (!store) continue;
    // read-only look into identity: the store's sales consultant owns the demo customers
    const owner = await db
      .selectFrom('user_store_roles')
      .select('user_id')
      .where('store_id', '=', storeId)
      .where('role', '=', 'sales_consultant')
      .orderBy('user_id')
      .executeTakeFirst();
    for (let k = 0; k <= perStore; k++) {
      const i = s * 100 + k;
      const company = k === perStore;
      const mobile = demoMobile(i);
      const exists = await db
        .selectFrom('customer_mobiles')
        .select('id')
        .where('group_id', '=', groupId)
        .where('mobile', '=', mobile)
        .executeTakeFirst();
      if (exists) continue;
      await db.transaction().execute(async (trx) => {
        const now = nowIso();
        const name = company
          ? demoCompanies[s % demoCompanies.length]!
          : demoPeople[(s * perStore + k) % demoPeople.length]!;
        const idNumber = company ? null : demoResidentId(i);
        const id = newId();
        await trx
          .insertInto('customers')
          .values({
            id,
            group_id: groupId,
            store_id: storeId,
            number: await nextDocumentNumber(trx, groupId, 'CU', localYear(store.timezone)),
            type: company ? 'company' : 'individual',
            name,
            name_search: nameSearchForm(name),
            id_doc_type: idNumber ? 'resident_id' : null,
            id_number_enc: idNumber ? encryptField(keys, idNumber) : null,
            id_number_hash: idNumber ? lookupHash(keys, idNumber) : null,
            company_code: company ? demoUscc(s) : null,
            email: null,
            address: store.address,
            employer: company ? null : k % 2 ? '中国移动' : null,
            preferred_channel: k % 3 === 0 ? 'wechat' : 'phone',
            preferred_time: k % 2 ? 'evening' : 'any',
            tags: JSON.stringify(k % 4 === 0 ? ['老客户'] : k % 4 === 1 ? ['意向客户'] : []),
            owner_id: owner?.user_id ?? null,
            note: null,
            status: 'active',
            merged_into: null,
            version: 1,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await trx
          .insertInto('customer_mobiles')
          .values({
            id: newId(),
            group_id: groupId,
            customer_id: id,
            mobile,
            mobile_last4: mobile.slice(-4),
            is_primary: 1,
            position: 0,
            created_at: now,
          })
          .execute();
        await trx
          .insertInto('customer_consents')
          .values({
            customer_id: id,
            channel: 'sms',
            granted: k % 2,
            source: 'in_store_form',
            recorded_at: now,
            recorded_by: null,
          })
          .execute();
        const car = demoVin(s, k);
        const vehicleId = newId();
        await trx
          .insertInto('customer_vehicles')
          .values({
            id: vehicleId,
            group_id: groupId,
            store_id: storeId,
            customer_id: id,
            vin: car.vin,
            vin_last6: car.vin.slice(-6),
            plate: demoPlate(s, k),
            trim_id: null,
            brand_name: car.brand,
            model_name: car.model,
            model_year: 2025,
            purchase_date: `2025-0${1 + (k % 9)}-15`,
            last_mileage_km: 3_000 + k * 1_250,
            last_mileage_at: now,
            status: 'active',
            version: 1,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await trx
          .insertInto('customer_mileage_readings')
          .values({
            id: newId(),
            customer_vehicle_id: vehicleId,
            km: 3_000 + k * 1_250,
            read_at: now,
            reason: null,
            recorded_by: null,
            created_at: now,
          })
          .execute();
        await recordCustomerEvent(trx, {
          groupId,
          storeId,
          customerId: id,
          type: 'crm.customer.created',
          entity: 'customer',
          entityId: id,
          actorId: null,
          data: { name, type: company ? 'company' : 'individual', source: 'seed-demo' },
        });
      });
      added++;
    }
  }
  return added;
}
