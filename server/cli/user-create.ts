import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { roles, type Role } from '../../common/identity/roles';
import { createUserSchema } from '../../common/identity/user.schemas';
import type { DbHandle } from '../db/database';
import { recordAudit } from '../platform/audit';
import { newId, nowIso } from '../platform/ids';
import { localYear, nextDocumentNumber } from '../platform/numbering';
import { hashPassword } from '../platform/passwords';
import { findStoreByCode } from '../modules/identity/store.repo';
import { findUserByUsername, insertUserRow, replaceStoreRoles } from '../modules/identity/user.repo';

async function readStdin(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) return line;
  return '';
}

/** `forecourt user create --username U --role R [--store CODE] --password-stdin`: for the IT person at install time. */
export async function createUserFromCli(handle: DbHandle, args: string[]) {
  const [sub, ...rest] = args;
  if (sub !== 'create')
    throw new Error('usage: forecourt user create --username U --role R [--store CODE] --password-stdin');
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      store: { type: 'string', default: 'HQ' },
      'display-name': { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  if (!values.role || !(roles as readonly string[]).includes(values.role)) {
    throw new Error(`--role must be one of: ${roles.join(', ')}`);
  }
  if (!values['password-stdin']) throw new Error('give the password on standard input with --password-stdin');
  const password = (await readStdin()).trim();
  const { db } = handle;
  const anyStore = await db.selectFrom('stores').select('group_id').limit(1).executeTakeFirst();
  if (!anyStore)
    throw new Error('no store yet: start the server once (forecourt serve) to create the first one');
  const store = await findStoreByCode(db, anyStore.group_id, values.store!);
  if (!store) throw new Error(`no store with code ${values.store}`);
  const parsed = createUserSchema.safeParse({
    username: values.username,
    displayName: values['display-name'] ?? values.username,
    password,
    storeRoles: [{ storeId: store.id, role: values.role }],
  });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  if (await findUserByUsername(db, parsed.data.username))
    throw new Error(`user ${parsed.data.username} already exists`);
  const passwordHash = await hashPassword(parsed.data.password);
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const id = newId();
    await insertUserRow(trx, {
      id,
      group_id: store.group_id,
      username: parsed.data.username,
      display_name: parsed.data.displayName,
      staff_no: await nextDocumentNumber(trx, store.group_id, 'EMP', localYear(store.timezone)),
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
    await replaceStoreRoles(trx, id, [{ storeId: store.id, role: values.role as Role }]);
    await recordAudit(trx, {
      actorId: null,
      storeId: store.id,
      entity: 'user',
      entityId: id,
      action: 'create_from_cli',
    });
  });
  console.log(`created user ${parsed.data.username} (${values.role} at ${store.code})`);
  return 0;
}
