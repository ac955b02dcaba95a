import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, openTestDb, type TestApp } from '../test/harness';
import { makeStaff, makeStore } from '../test/factories';
import { tablesInOrder } from '../db/table-order';
import { restoreBackup, writeBackup } from './backup';

const dir = mkdtempSync(join(tmpdir(), 'forecourt-backup-'));
const rowLines = (file: string) =>
  gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n').slice(1);
const manifestOf = (file: string) =>
  JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').split('\n')[0]!);

describe('backup and restore', () => {
  let source: TestApp;
  beforeAll(async () => {
    source = await createTestApp('sqlite');
    const store = await makeStore(source, { name: '上海浦东4S店', address: '浦东新区 "张杨路" 1200号\n2楼' });
    await makeStaff(source, 'sales_consultant', store.id, {
      idNumber: '11010519491231002X',
      phone: '13812345678',
    });
    await makeStaff(source, 'service_advisor', source.hqStoreId);
    await source.call('POST', '/api/v1/api-tokens', { token: source.adminToken, body: { name: 'bridge' } });
  });
  afterAll(() => source.close());

  it('names every table the migrations create', async () => {
    const tables = (await source.handle.db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual([...tablesInOrder].sort());
  });

  for (const target of dialects) {
    it(`restores a SQLite backup into an empty ${target} database, and backs that up identically`, async () => {
      const first = join(dir, `first-${target}.jsonl.gz`);
      const manifest = await writeBackup(source.handle, first);
      expect(manifest.tables.find((t) => t.name === 'users')!.rows).toBe(3);
      const restored = await openTestDb(target);
      try {
        await restoreBackup(restored, first);
        const second = join(dir, `second-${target}.jsonl.gz`);
        await writeBackup(restored, second);
        expect(rowLines(second)).toEqual(rowLines(first));
        expect(manifestOf(second).tables).toEqual(manifestOf(first).tables);
        // the restored database works: the counter continues, the admin can sign in
        const next = await restored.db
          .selectFrom('counters')
          .select('value')
          .where('prefix', '=', 'EMP')
          .executeTakeFirstOrThrow();
        expect(next.value).toBe(3);
        const count = await sql<{ n: number }>`select count(*) as n from users`.execute(restored.db);
        expect(Number(count.rows[0]!.n)).toBe(3);
        // a second restore into the now non-empty database is refused and changes nothing
        await expect(restoreBackup(restored, first)).rejects.toMatchObject({
          code: 'backup.database_not_empty',
        });
      } finally {
        await restored.close();
      }
    }, 300_000); // ~8 s alone; over a minute in CI while the fuzz and crash suites load the same PostgreSQL
  }

  it('refuses a file that is not a Forecourt backup, writing nothing', async () => {
    const { gzipSync } = await import('node:zlib');
    const { writeFileSync } = await import('node:fs');
    const bad = join(dir, 'bad.jsonl.gz');
    writeFileSync(bad, gzipSync('{"format":"something-else"}\n{"t":"users","r":{}}\n'));
    const empty = await openTestDb('sqlite');
    await expect(restoreBackup(empty, bad)).rejects.toMatchObject({ code: 'backup.bad_archive' });
    expect(await empty.db.selectFrom('users').select('id').execute()).toEqual([]);
    await empty.close();
  });
});
