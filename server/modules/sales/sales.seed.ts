import { computeCnIdCheckChar } from '../../../common/rules/cn-id';
import { computeUsccCheckChar } from '../../../common/rules/uscc';
import type { Role } from '../../../common/identity/roles';
import { localToday } from '../../../common/rules/civil-date';
import type { Db } from '../../db/database';
import type { PiiKeys } from '../../platform/pii';
import type { Actor } from '../../platform/permissions';
import { findStoreRow } from '../identity';
import { createContract } from './contract.service';
import { createDeal, submitDeal } from './deal.service';
import { decidePayment, recordPayment } from './payment.service';
import { patchSalesSettings, salesSettingsOf } from './sales-settings.service';

async function staffActor(db: Db, storeId: string, role: Role): Promise<Actor | null> {
  const row = await db
    .selectFrom('user_store_roles')
    .innerJoin('users', 'users.id', 'user_store_roles.user_id')
    .select(['users.id', 'users.group_id', 'users.username'])
    .where('user_store_roles.store_id', '=', storeId)
    .where('user_store_roles.role', '=', role)
    .orderBy('users.id')
    .executeTakeFirst();
  return row
    ? {
        userId: row.id,
        groupId: row.group_id,
        username: row.username,
        storeRoles: [{ storeId, role }],
        via: 'bearer',
        sessionId: null,
        csrfToken: null,
      }
    : null;
}

/**
 * Demo deals for the first three stores, made through the sales services as the store's consultant:
 * a quote, a quote over the consultant's discount limit waiting for the sales manager, and an agreed
 * deal with its contract prepared (ready for the ID copy and the signatures) and a deposit confirmed by
 * finance. The store gets seller data for its invoices. A store that has deals is left alone.
 */
export async function seedDeals(db: Db, keys: PiiKeys, storeIds: string[]) {
  let added = 0;
  for (const [s, storeId] of storeIds.slice(0, 3).entries()) {
    const store = await findStoreRow(db, storeId);
    const consultant = await staffActor(db, storeId, 'sales_consultant');
    const manager = await staffActor(db, storeId, 'store_manager');
    const finance = await staffActor(db, storeId, 'finance');
    if (!store || !consultant || !manager || !finance) continue;
    if (await db.selectFrom('deals').select('id').where('store_id', '=', storeId).executeTakeFirst())
      continue;
    const today = localToday(store.timezone);
    const priced = await db
      .selectFrom('vehicles')
      .innerJoin('price_list_items', 'price_list_items.item_ref', 'vehicles.trim_id')
      .innerJoin('price_lists', 'price_lists.id', 'price_list_items.price_list_id')
      .select(['vehicles.id', 'price_list_items.display_price'])
      .where('vehicles.store_id', '=', storeId)
      .where('vehicles.status', '=', 'in_stock')
      .where('vehicles.exterior_colour_id', 'is not', null)
      .where('price_lists.store_id', '=', storeId)
      .where('price_lists.status', '=', 'published')
      .where('price_lists.effective_from', '<=', today)
      .where('price_list_items.item_kind', '=', 'trim')
      .orderBy('vehicles.id')
      .limit(3)
      .execute();
    const customers = await db
      .selectFrom('customers')
      .select(['id', 'name', 'address', 'employer'])
      .where('store_id', '=', storeId)
      .where('type', '=', 'individual')
      .where('status', '=', 'active')
      .orderBy('number')
      .limit(3)
      .execute();
    if (priced.length < 3 || customers.length < 3) continue;
    await db.transaction().execute(async (trx) => {
      const settings = await salesSettingsOf(trx, storeId);
      const body = `91310115MA1K4B${String(s).padStart(2, '0')}X`;
      await patchSalesSettings(trx, manager, storeId, {
        version: settings.version,
        sellerName: store.name,
        sellerTaxId: body + computeUsccCheckChar(body)!,
        sellerPhone: '021-6888 0000',
      });
      const discounts = [200_000, 1_200_000, 300_000];
      const deals = [];
      for (const [i, v] of priced.entries())
        deals.push(
          await createDeal(
            trx,
            consultant,
            {
              customerId: customers[i]!.id,
              vehicleId: v.id,
              vehiclePrice: v.display_price - discounts[i]!,
              options: [],
              services: [
                { code: 'registration_agency', price: 50_000, accepted: i !== 1 },
                { code: 'insurance_agency', price: 0, accepted: false },
              ],
              paymentKind: 'full',
            },
            'zh-CN',
          ),
        );
      const [, waiting, agreed] = deals;
      if (waiting) await submitDeal(trx, consultant, waiting.id, waiting.version);
      if (agreed) {
        await submitDeal(trx, consultant, agreed.id, agreed.version);
        const mobile = await trx
          .selectFrom('customer_mobiles')
          .select('mobile')
          .where('customer_id', '=', agreed.customerId)
          .executeTakeFirst();
        const idBody = `3101151988${String(s + 1).padStart(2, '0')}1512${s}`;
        await createContract(trx, consultant, keys, {
          dealId: agreed.id,
          language: 'zh-CN',
          buyer: {
            kind: 'individual',
            name: customers[2]!.name,
            documentType: 'resident_id',
            documentNumber: idBody + computeCnIdCheckChar(idBody)!,
            mobile: mobile?.mobile ?? '13800000000',
            address: customers[2]!.address ?? '上海市浦东新区世纪大道 100 号',
            employer: customers[2]!.employer ?? '上海某科技有限公司',
          },
          paymentMethod: 'bank_transfer',
          deliveryDate: today,
        });
        const deposit = await recordPayment(trx, consultant, {
          dealId: agreed.id,
          kind: 'deposit',
          method: 'wechat_pay',
          amount: 500_000,
        });
        await decidePayment(trx, finance, deposit.id, 'confirm', { version: deposit.version });
      }
      added += deals.length;
    });
  }
  return added;
}
