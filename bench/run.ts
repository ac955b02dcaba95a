/**
 * `npm run bench`: the API's hot paths under load (32 concurrent clients on keep-alive connections to a
 * real listening server; 50 for writes), each against two baselines measured in the same run on the
 * same machine, so the numbers compare across machines:
 * - raw transaction: the same SQL the app ran for that action, replayed straight through Kysely
 *   (no HTTP, no auth, no validation) — app ÷ raw is the share of the database's rate the app keeps;
 * - bare route: a bare Fastify route doing one `select 1` — app ÷ bare is the app's cost over the
 *   framework's floor.
 * Prints a table per dialect and saves bench/results/<date>-<dialect>.json. Never a timed test: this
 * prints, it does not fail. Add a workload in bench/workloads.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { CompiledQuery, sql } from 'kysely';
import { listenToQueries } from '../server/db/database';
import { seedCatalog } from '../server/modules/catalog/catalog.seed';
import { seedYard } from '../server/modules/vehicles/vehicles.seed';
import { seedLargeCustomers } from '../server/modules/crm/crm.seed-large';
import { newId } from '../server/platform/ids';
import { createTestApp, dialects, testKeys } from '../server/test/harness';
import { makeStore } from '../server/test/factories';
import type { LoadRequest } from './client';
import { runLoad, type LoadResult } from './load';
import { apiSender, workloads, type BenchContext, type BenchData, type Workload } from './workloads';
import type { Db } from '../server/db/database';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const defaultConcurrency = 32;
/** Customers of the bench's group (the 1,000,000 of `seed-demo --size large` are measured separately). */
const benchCustomers = Number(process.env.BENCH_CUSTOMERS ?? 100_000);

interface Statement {
  sql: string;
  parameters: readonly unknown[];
}
let recording: Statement[] | null = null;
listenToQueries((statement, parameters) => recording?.push({ sql: statement, parameters }));

/** The ids a template's INSERTs create (the `id` column of each row): fresh ones for every replay. */
function createdIds(statements: Statement[]): string[] {
  const ids: string[] = [];
  for (const s of statements) {
    const m = /^insert into "?\w+"? \(([^)]*)\)/i.exec(s.sql);
    if (!m) continue;
    const columns = m[1]!.split(',').map((c) => c.trim().replace(/"/g, ''));
    const at = columns.indexOf('id');
    if (at < 0) continue;
    for (let row = 0; row * columns.length < s.parameters.length; row++) {
      const id = s.parameters[row * columns.length + at];
      if (typeof id === 'string') ids.push(id);
    }
  }
  return ids;
}

/** Replays a template's statements on one connection, with its new ids and unique values swapped. */
function replayer(db: Db, ctx: BenchContext, workload: Workload, template: Statement[]) {
  const ids = createdIds(template);
  const templateUniques = workload.unique?.(ctx, templateIndex) ?? [];
  return (i: number) => {
    const swap = new Map<string, string>(ids.map((id) => [id, newId()]));
    const uniques = workload.unique?.(ctx, rawOffset + i) ?? [];
    templateUniques.forEach((u, k) => swap.set(u, uniques[k]!));
    const fresh = (p: unknown) => {
      if (typeof p !== 'string') return p;
      let out = swap.get(p) ?? p;
      if (out === p && p.length > 20) for (const [from, to] of swap) out = out.replaceAll(from, to);
      return out;
    };
    return db.connection().execute(async (conn) => {
      for (const s of template) await conn.executeQuery(CompiledQuery.raw(s.sql, s.parameters.map(fresh)));
    });
  };
}
const templateIndex = 9_999_999;
const rawOffset = 5_000_000;

/** BENCH_ONLY=<regex>: only the workloads whose name matches (the bare route always runs). */
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;

/** The load-generator thread (bench/client.ts), TypeScript through tsx's loader. */
const client = new Worker(new URL('./client.mjs', import.meta.url));
client.unref();
function loadFromClient(request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    client.once('message', resolve);
    client.once('error', reject);
    client.postMessage(request);
  }).finally(() => client.removeAllListeners('error')) as Promise<LoadResult>;
}

interface Row {
  workload: string;
  kind: Workload['kind'];
  concurrency: number;
  statements: number;
  app: LoadResult;
  raw: LoadResult;
  appOverRaw: number;
  appOverBare: number;
}

async function benchDialect(dialect: (typeof dialects)[number]) {
  const t = await createTestApp(dialect);
  const db = t.handle.db;
  // a busy group: 10 stores, the demo catalogue, ~2,000 vehicles, 1,000 staff
  const { group_id: groupId } = await db
    .selectFrom('stores')
    .select('group_id')
    .where('id', '=', t.hqStoreId)
    .executeTakeFirstOrThrow();
  const storeIds = [t.hqStoreId];
  for (let i = 0; i < 9; i++) storeIds.push((await makeStore(t)).id);
  await seedCatalog(db, groupId, storeIds);
  await seedYard(db, groupId, storeIds, 30);
  const { password_hash } = await db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  for (let b = 0; b < 10; b++) {
    const users = Array.from({ length: 100 }, (_, i) => ({
      id: newId(),
      group_id: groupId,
      username: `bench.user.${b * 100 + i}`,
      display_name: `Bench ${b * 100 + i}`,
      staff_no: `EMP-2026-${String(b * 100 + i + 10).padStart(6, '0')}`,
      phone: '13812345678',
      id_number_enc: null,
      id_number_hash: null,
      password_hash,
      language: 'zh-CN',
      status: 'active',
      version: 1,
      created_at: now,
      updated_at: now,
    }));
    await db.insertInto('users').values(users).execute();
    await db
      .insertInto('user_store_roles')
      .values(users.map((u, i) => ({ user_id: u.id, store_id: storeIds[i % 10]!, role: 'sales_consultant' })))
      .execute();
  }
  const seedStarted = Date.now();
  await seedLargeCustomers(db, testKeys, groupId, storeIds, {
    customers: benchCustomers,
    leads: Math.round(benchCustomers * 0.3),
  });
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  console.log(`\n${dialect}: ${benchCustomers} customers seeded in ${seedSeconds.toFixed(1)} s`);
  await sql`analyze`.execute(db); // planner statistics, as a live database has them

  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => {
    await sql`select 1`.execute(db);
    return { ok: true };
  });
  const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });

  const trim = await db
    .selectFrom('trims')
    .select(['id', 'model_year', 'name'])
    .where('active', '=', 1)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const vins = (await db.selectFrom('vehicles').select('vin').limit(500).execute()).map((v) => v.vin);
  // customers with a car, spread over the file: what a consultant would type to find them
  const sample = await db
    .selectFrom('customer_vehicles')
    .innerJoin('customers', 'customers.id', 'customer_vehicles.customer_id')
    .innerJoin('customer_mobiles', 'customer_mobiles.customer_id', 'customers.id')
    .select(['customers.name', 'customer_mobiles.mobile', 'customer_vehicles.plate', 'customer_vehicles.vin'])
    .where('customer_mobiles.is_primary', '=', 1)
    .orderBy('customer_vehicles.vin')
    .limit(500)
    .execute();
  const data: BenchData = {
    customers: sample.map((c) => ({ name: c.name, mobile: c.mobile, plate: c.plate ?? '', vin: c.vin })),
    token: t.adminToken,
    storeId: t.hqStoreId,
    trim: { id: trim.id, modelYear: trim.model_year, name: trim.name },
    vins,
    parts: [],
    partNos: [],
    customerVehicles: (
      await db
        .selectFrom('customer_vehicles')
        .select(['id', 'last_mileage_km'])
        .orderBy('id')
        .limit(30_000)
        .execute()
    ).map((v) => ({ id: v.id, km: v.last_mileage_km ?? 0 })),
  };
  const ctx: BenchContext = { ...data, send: apiSender(address, t.adminToken) };

  // three parts on the shelf in ample quantity, for the counter sale
  for (const [k, name] of ['机油滤清器', '空气滤清器', '雨刮片'].entries()) {
    const part = (await ctx.send('POST', '/api/v1/parts', {
      partNo: `BENCH-${k}`,
      name,
      nameEn: `Bench part ${k}`,
      category: 'filters',
      origin: 'original',
      listPrice: 8_800,
      standardCost: 5_000,
    })) as { id: string };
    await ctx.send('POST', '/api/v1/stock-movements', {
      storeId: ctx.storeId,
      partId: part.id,
      type: 'receive',
      qty: 1_000_000,
      unitCost: 5_000,
      reason: 'bench opening stock',
    });
    data.parts.push(part.id);
    data.partNos.push(`BENCH-${k}`);
  }

  const bareResult = await loadFromClient({
    address: bareAddress,
    data,
    workload: 'bare',
    concurrency: defaultConcurrency,
    seconds,
  });

  const rows: Row[] = [];
  for (const workload of workloads.filter((w) => !only || only.test(w.name))) {
    const concurrency = workload.concurrency ?? defaultConcurrency;
    recording = [];
    await workload.op(ctx, templateIndex);
    const template = recording;
    recording = null;
    // BENCH_SQL=1: print the statements one operation runs
    if (process.env.BENCH_SQL) for (const st of template) console.log(`  [${workload.name}] ${st.sql}`);
    const app = await loadFromClient({ address, data, workload: workload.name, concurrency, seconds });
    const raw = await runLoad(replayer(db, ctx, workload, template), { concurrency, seconds });
    rows.push({
      workload: workload.name,
      kind: workload.kind,
      concurrency,
      statements: template.length,
      app,
      raw,
      appOverRaw: app.perSecond / raw.perSecond,
      appOverBare: app.perSecond / bareResult.perSecond,
    });
  }
  await bare.close();
  await t.close();

  const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '-');
  console.log(
    `\n${dialect} — bare Fastify route + select 1: ${f(bareResult.perSecond)} req/s, p50 ${f(bareResult.p50, 1)} ms, p99 ${f(bareResult.p99, 1)} ms (c=${defaultConcurrency})`,
  );
  console.log(
    `  ${'workload'.padEnd(30)} ${'c'.padStart(3)} ${'SQL'.padStart(4)} ${'app op/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'raw op/s'.padStart(9)} ${'raw p99'.padStart(8)} ${'app÷raw'.padStart(8)} ${'app÷bare'.padStart(9)}`,
  );
  for (const r of rows) {
    console.log(
      `  ${r.workload.padEnd(30)} ${String(r.concurrency).padStart(3)} ${String(r.statements).padStart(4)} ${f(r.app.perSecond).padStart(9)} ${f(r.app.p50, 1).padStart(7)} ${f(r.app.p99, 1).padStart(7)} ${f(r.raw.perSecond).padStart(9)} ${f(r.raw.p99, 1).padStart(8)} ${f(r.appOverRaw, 2).padStart(8)} ${f(r.appOverBare, 2).padStart(9)}`,
    );
    for (const [mode, res] of [
      ['app', r.app],
      ['raw', r.raw],
    ] as const)
      if (res.errors) console.log(`    ${mode}: ${res.errors} errors, first: ${res.firstError}`);
  }

  const cpus = os.cpus();
  const machine = {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: { count: cpus.length, model: cpus[0]?.model, mhz: cpus[0]?.speed },
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
  };
  const date = new Date().toISOString().slice(0, 10);
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL(`${date}-${dialect}.json`, dir);
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), dialect, seconds, customers: benchCustomers, seedSeconds, machine, bare: bareResult, workloads: rows }, null, 2)}\n`,
  );
  console.log(`  saved ${file.pathname}`);
}

// BENCH_DIALECT=sqlite|postgres: one of the dialects only
for (const dialect of dialects.filter((d) => !process.env.BENCH_DIALECT || d === process.env.BENCH_DIALECT))
  await benchDialect(dialect);
