import type { Role } from '../../common/identity/roles';
import type { TestApp } from './harness';

/** Builders for every entity, through the API (so tests exercise what users do). */
let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export const staffPassword = 'staff-password-123';

export async function makeStore(t: TestApp, overrides: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/v1/stores', {
    token: t.adminToken,
    body: { code: `S${next()}`.toUpperCase().slice(0, 20), name: `Store ${next()}`, ...overrides },
  });
  if (res.status !== 201) throw new Error(`makeStore: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; code: string; version: number };
}

/** A staff account with one role in one store, signed in: returns the user and their token. */
export async function makeStaff(
  t: TestApp,
  role: Role,
  storeId: string,
  overrides: Record<string, unknown> = {},
) {
  const username = `u${next()}`;
  const res = await t.call('POST', '/api/v1/users', {
    token: t.adminToken,
    body: {
      username,
      displayName: `Staff ${username}`,
      password: staffPassword,
      storeRoles: [{ storeId, role }],
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`makeStaff: ${res.status} ${JSON.stringify(res.body)}`);
  const token = await t.login(username, staffPassword);
  return { user: res.body as { id: string; username: string; version: number; staffNo: string }, token };
}
