import type { Role } from '../../common/identity/roles';
import type { DbHandle } from '../db/database';
import { newId, nowIso } from '../platform/ids';
import { localYear, nextDocumentNumber } from '../platform/numbering';
import { hashPassword } from '../platform/passwords';
import type { PiiKeys } from '../platform/pii';
import { findStoreByCode, insertStore } from '../modules/identity/store.repo';
import { findUserByUsername, insertUserRow, replaceStoreRoles } from '../modules/identity/user.repo';
import { seedCatalog } from '../modules/catalog';
import { seedYard } from '../modules/vehicles';
import { seedCustomers, seedLeads } from '../modules/crm';
import { seedDeals } from '../modules/sales';
import { seedLarge } from './seed-large';

const demoStores = [
  { code: 'BJ01', name: '北京朝阳4S店', address: '北京市朝阳区东四环中路 88 号' },
  { code: 'SH01', name: '上海浦东4S店', address: '上海市浦东新区张杨路 1200 号' },
  { code: 'GZ01', name: '广州天河服务中心', address: '广州市天河区黄埔大道西 66 号' },
];
const demoStaff: { username: string; name: string; role: Role }[] = [
  { username: 'zhang.wei', name: '张伟', role: 'store_manager' },
  { username: 'li.na', name: '李娜', role: 'sales_manager' },
  { username: 'wang.fang', name: '王芳', role: 'sales_consultant' },
  { username: 'liu.yang', name: '刘洋', role: 'service_advisor' },
  { username: 'chen.jie', name: '陈杰', role: 'technician' },
  { username: 'zhao.min', name: '赵敏', role: 'parts_clerk' },
  { username: 'sun.li', name: '孙丽', role: 'finance' },
  { username: 'zhou.qiang', name: '周强', role: 'receptionist' },
];

/**
 * Demo data for trying the product: stores with a full staff each (password `forecourt-demo`).
 * `large` adds 20 stores and a big group's history for load trials (server/cli/seed-large.ts):
 * 200,000 vehicles, 1,000,000 customers, 300,000 leads. Running it twice adds nothing twice.
 */
export async function seedDemo(handle: DbHandle, keys: PiiKeys, size: 'small' | 'large') {
  const { db } = handle;
  const group = await db.selectFrom('dealer_groups').select('id').limit(1).executeTakeFirst();
  if (!group) throw new Error('no dealer group yet: start the server once (forecourt serve)');
  const passwordHash = await hashPassword('forecourt-demo');
  const stores =
    size === 'large'
      ? [
          ...demoStores,
          ...Array.from({ length: 20 }, (_, i) => ({
            code: `D${String(i + 1).padStart(2, '0')}`,
            name: `演示门店 ${i + 1}`,
            address: null,
          })),
        ]
      : demoStores;
  let addedStores = 0;
  let addedUsers = 0;
  const storeIds: string[] = [];
  for (const s of stores) {
    await db.transaction().execute(async (trx) => {
      let store = await findStoreByCode(trx, group.id, s.code);
      const now = nowIso();
      if (!store) {
        store = {
          id: newId(),
          group_id: group.id,
          code: s.code,
          name: s.name,
          timezone: 'Asia/Shanghai',
          currency: 'CNY',
          address: s.address,
          tax_id: null,
          active: 1,
          version: 1,
          created_at: now,
          updated_at: now,
        };
        await insertStore(trx, store);
        addedStores++;
      }
      storeIds.push(store.id);
      for (const staff of demoStaff) {
        const username = `${staff.username}.${s.code.toLowerCase()}`;
        if (await findUserByUsername(trx, username)) continue;
        const id = newId();
        await insertUserRow(trx, {
          id,
          group_id: group.id,
          username,
          display_name: staff.name,
          staff_no: await nextDocumentNumber(trx, group.id, 'EMP', localYear(store.timezone)),
          phone: null,
          id_number_enc: null,
          id_number_hash: null,
          password_hash: passwordHash,
          language: 'zh-CN',
          status: 'active',
          version: 1,
          created_at: now,
          updated_at: now,
        });
        await replaceStoreRoles(trx, id, [{ storeId: store.id, role: staff.role }]);
        addedUsers++;
      }
    });
  }
  const catalog = await seedCatalog(db, group.id, storeIds);
  const vehicles = await seedYard(db, group.id, storeIds);
  const customers = await seedCustomers(db, keys, group.id, storeIds);
  const leads = await seedLeads(db, storeIds);
  const deals = await seedDeals(db, keys, storeIds);
  let large = '';
  if (size === 'large') {
    const r = await seedLarge(handle, keys, group.id, storeIds);
    large =
      r.yard.vehicles === 0 && r.crm.customers === 0
        ? '; large data: already present, nothing added'
        : `; large data: ${r.yard.vehicles} vehicles, ${r.crm.customers} customers, ${r.crm.leads} leads, ` +
          `${r.crm.appointments} appointments added in ${r.seconds.toFixed(0)} s`;
  }
  return (
    `demo data: ${addedStores} stores and ${addedUsers} staff added (password "forecourt-demo", e.g. wang.fang.bj01); ` +
    `catalogue: ${catalog.brands} brands, ${catalog.models} series, ${catalog.trims} trims, ${catalog.options} options, ${catalog.priceLists} price lists added; ` +
    `yard: ${vehicles} vehicles added; customers: ${customers} added; leads: ${leads} added; deals: ${deals} added${large}`
  );
}
