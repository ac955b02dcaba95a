import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { newId, nowIso } from '../../platform/ids';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { hashPassword } from '../../platform/passwords';
import { insertGroup, insertStore } from './store.repo';
import { countUsers, insertUserRow, replaceStoreRoles } from './user.repo';

/**
 * First start on an empty database: a dealer group, its first store (HQ) and an `admin` group
 * administrator. The password comes from FORECOURT_ADMIN_PASSWORD or is generated and returned once.
 */
export async function ensureFirstAdmin(db: Db, adminPassword = process.env.FORECOURT_ADMIN_PASSWORD) {
  if ((await countUsers(db)) > 0) return null;
  const password = adminPassword || randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    if ((await countUsers(trx)) > 0) return null; // another process got there first
    const now = nowIso();
    const groupId = newId();
    const storeId = newId();
    const userId = newId();
    await insertGroup(trx, { id: groupId, name: 'Dealer group', created_at: now });
    await insertStore(trx, {
      id: storeId,
      group_id: groupId,
      code: 'HQ',
      name: 'HQ',
      timezone: 'Asia/Shanghai',
      currency: 'CNY',
      address: null,
      tax_id: null,
      active: 1,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await insertUserRow(trx, {
      id: userId,
      group_id: groupId,
      username: 'admin',
      display_name: 'Administrator',
      staff_no: await nextDocumentNumber(trx, groupId, 'EMP', localYear('Asia/Shanghai')),
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
    await replaceStoreRoles(trx, userId, [{ storeId, role: 'group_admin' }]);
    await recordAudit(trx, {
      actorId: null,
      storeId,
      entity: 'user',
      entityId: userId,
      action: 'bootstrap_admin',
    });
    return { username: 'admin', password, generated: !adminPassword };
  });
}
