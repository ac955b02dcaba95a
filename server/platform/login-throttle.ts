import type { Db } from '../db/database';
import { AppError } from './errors';

/**
 * Login rate limit, kept in the database so every server process sees the same counts:
 * at most 10 failures per username+IP and 50 per IP in a 15-minute window.
 */
const windowMs = 15 * 60 * 1000;
const limits = { user: 10, ip: 50 };

const keysFor = (username: string, ip: string) => [
  { key: `u:${username.toLowerCase()}|${ip}`, limit: limits.user },
  { key: `ip:${ip}`, limit: limits.ip },
];

/** Refuses with 429 while a key is over its limit in the current window. */
export async function assertLoginAllowed(db: Db, username: string, ip: string, now = new Date()) {
  for (const { key, limit } of keysFor(username, ip)) {
    const row = await db.selectFrom('login_failures').selectAll().where('key', '=', key).executeTakeFirst();
    if (!row) continue;
    const started = new Date(row.window_start).getTime();
    if (now.getTime() - started < windowMs && row.count >= limit) {
      const minutes = Math.ceil((started + windowMs - now.getTime()) / 60000);
      throw new AppError('auth.too_many_attempts', { params: { minutes } });
    }
  }
}

/** Counts a failed login against the username+IP and the IP. */
export async function recordLoginFailure(db: Db, username: string, ip: string, now = new Date()) {
  const nowIso = now.toISOString();
  const windowStartCutoff = new Date(now.getTime() - windowMs).toISOString();
  await db.transaction().execute(async (trx) => {
    for (const { key } of keysFor(username, ip)) {
      await trx
        .insertInto('login_failures')
        .values({ key, window_start: nowIso, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            // a window that has run out starts again at one
            count: eb
              .case()
              .when('login_failures.window_start', '<', windowStartCutoff)
              .then(1)
              .else(eb('login_failures.count', '+', 1))
              .end(),
            window_start: eb
              .case()
              .when('login_failures.window_start', '<', windowStartCutoff)
              .then(nowIso)
              .else(eb.ref('login_failures.window_start'))
              .end(),
          })),
        )
        .execute();
    }
  });
}

/** A successful login clears the username's failures (not the IP's). */
export async function clearLoginFailures(db: Db, username: string, ip: string) {
  await db.deleteFrom('login_failures').where('key', '=', keysFor(username, ip)[0]!.key).execute();
}

/** Scheduled clean-up of windows that have run out. */
export async function purgeOldLoginFailures(db: Db, now = new Date()) {
  await db
    .deleteFrom('login_failures')
    .where('window_start', '<', new Date(now.getTime() - windowMs).toISOString())
    .execute();
}
