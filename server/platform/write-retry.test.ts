import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/database';
import { openTestDb } from '../test/harness';
import { retryVictim } from './write';

describe('a write that PostgreSQL chose as a deadlock victim', () => {
  it('runs again, and only for a deadlock or a serialization failure', async () => {
    let runs = 0;
    const twiceVictim = await retryVictim(async () => {
      runs += 1;
      if (runs < 3) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      return 'done';
    });
    expect({ twiceVictim, runs }).toEqual({ twiceVictim: 'done', runs: 3 });

    runs = 0;
    await expect(
      retryVictim(async () => {
        runs += 1;
        throw Object.assign(new Error('could not serialize'), { code: '40001' });
      }),
    ).rejects.toThrow('could not serialize');
    expect(runs).toBe(3);

    runs = 0;
    await expect(
      retryVictim(async () => {
        runs += 1;
        throw Object.assign(new Error('duplicate key'), { code: '23505' });
      }),
    ).rejects.toThrow('duplicate key');
    expect(runs).toBe(1);
  });
});

describe.skipIf(!process.env.DATABASE_URL)(
  'two writes that lock the same rows in opposite orders, on postgres',
  () => {
    let handle: DbHandle;
    beforeAll(async () => {
      handle = await openTestDb('postgres');
      await sql`create table deadlock_probe (id int primary key, n int not null)`.execute(handle.db);
      await sql`insert into deadlock_probe values (1, 0), (2, 0)`.execute(handle.db);
    });
    afterAll(() => handle.close());

    const bump = (first: number, second: number) =>
      handle.db.transaction().execute(async (trx) => {
        await sql`update deadlock_probe set n = n + 1 where id = ${first}`.execute(trx);
        await new Promise((resolve) => setTimeout(resolve, 150));
        await sql`update deadlock_probe set n = n + 1 where id = ${second}`.execute(trx);
      });

    it('deadlock without the retry, and both commit with it', async () => {
      const bare = await Promise.allSettled([bump(1, 2), bump(2, 1)]);
      const codes = bare.map((r) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'ok'));
      expect(codes.sort()).toEqual(['40P01', 'ok']);

      await sql`update deadlock_probe set n = 0`.execute(handle.db);
      await Promise.all([retryVictim(() => bump(1, 2)), retryVictim(() => bump(2, 1))]);
      const rows = await sql<{ id: number; n: number }>`select id, n from deadlock_probe order by id`.execute(
        handle.db,
      );
      expect(rows.rows).toEqual([
        { id: 1, n: 2 },
        { id: 2, n: 2 },
      ]);
    });
  },
);
