/**
 * `npm run bench`: measures the API's hot paths and prints each as a ratio against a baseline measured
 * in the same run on the same machine (GET /api/health: the framework plus one `select 1`), so the
 * numbers compare across machines. Never a timed test: this prints, it does not fail.
 */
import { performance } from 'node:perf_hooks';
import { createTestApp, dialects } from '../server/test/harness';
import { staffPassword } from '../server/test/factories';

async function measure(label: string, iterations: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(20, iterations); i++) await fn(); // warm-up
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  const perOp = (performance.now() - start) / iterations;
  return { label, perOp };
}

async function benchDialect(dialect: (typeof dialects)[number]) {
  const t = await createTestApp(dialect);
  // a realistic group: 1,000 staff across the HQ store
  const { hashPassword } = await import('../server/platform/passwords');
  const hash = await hashPassword(staffPassword);
  const now = new Date().toISOString();
  const group = await t.handle.db.selectFrom('users').select('group_id').executeTakeFirstOrThrow();
  for (let b = 0; b < 10; b++) {
    const rows = Array.from({ length: 100 }, (_, i) => {
      const n = b * 100 + i;
      return {
        id: `bench-${String(n).padStart(5, '0')}`,
        group_id: group.group_id,
        username: `bench.user.${n}`,
        display_name: `Bench ${n}`,
        staff_no: `EMP-2026-${String(n + 10).padStart(6, '0')}`,
        phone: '13812345678',
        id_number_enc: null,
        id_number_hash: null,
        password_hash: hash,
        language: 'zh-CN',
        status: 'active',
        version: 1,
        created_at: now,
        updated_at: now,
      };
    });
    await t.handle.db.insertInto('users').values(rows).execute();
    await t.handle.db
      .insertInto('user_store_roles')
      .values(rows.map((r) => ({ user_id: r.id, store_id: t.hqStoreId, role: 'sales_consultant' })))
      .execute();
  }
  const token = t.adminToken;
  const baseline = await measure('GET /api/health (baseline)', 500, () => t.call('GET', '/api/health'));
  const results = [
    await measure('GET /api/v1/auth/me', 300, () => t.call('GET', '/api/v1/auth/me', { token })),
    await measure('GET /api/v1/users?limit=50', 200, () =>
      t.call('GET', '/api/v1/users?limit=50', { token }),
    ),
    await measure('GET /api/v1/users?q=user.99', 200, () =>
      t.call('GET', '/api/v1/users?q=user.99', { token }),
    ),
    await measure('PATCH /api/v1/stores/:id', 100, async () => {
      const s = await t.call('GET', `/api/v1/stores/${t.hqStoreId}`, { token });
      return t.call('PATCH', `/api/v1/stores/${t.hqStoreId}`, {
        token,
        body: { version: s.body.version, address: `${Math.random()}` },
      });
    }),
  ];
  console.log(`\n${dialect}: baseline ${baseline.perOp.toFixed(3)} ms per request`);
  for (const r of results)
    console.log(
      `  ${r.label.padEnd(32)} ${(r.perOp / baseline.perOp).toFixed(2)}× baseline  (${r.perOp.toFixed(3)} ms)`,
    );
  await t.close();
}

for (const dialect of dialects) await benchDialect(dialect);
