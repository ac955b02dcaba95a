import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../db/database';
import { makeVin } from '../modules/vehicles/vehicle.fixtures';
import { exited, freePort, startForecourt, until } from './processes';

/**
 * Crash safety (issue 9): the server runs as a child process while concurrent writers file customers,
 * leads, vehicle reservations and a deal's payments (recorded and confirmed), recording every acknowledged answer; it is killed with SIGKILL at random
 * moments five times and restarted. Afterwards every acknowledged write is there, nothing is half there
 * (a customer without its mobile or its audit row, a lead without its number), numbers have no gaps, and
 * no vehicle is held by two reservations, and the deal's balance is exactly its confirmed payments. On SQLite, and on PostgreSQL when DATABASE_URL is set.
 */
const dialects = process.env.DATABASE_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
const rounds = 5;

describe.each(dialects)('crash safety on %s', (dialect) => {
  const output: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'fc-crash-'));
  let dbName = '';
  let dbUrl = '';
  let child: ChildProcess | null = null;
  let base = '';
  const password = 'crash-admin-password-2026';
  const env = (port: number): NodeJS.ProcessEnv => ({
    ...process.env,
    DATABASE_URL: dbUrl,
    FORECOURT_DATA_DIR: dataDir,
    FORECOURT_SECRET_KEY: 'c'.repeat(64),
    FORECOURT_ADMIN_PASSWORD: password,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  });
  const startServer = async () => {
    const port = await freePort();
    child = startForecourt(['serve'], env(port), output);
    base = `http://127.0.0.1:${port}`;
    await until('the server', async () => (await fetch(`${base}/api/health`)).status === 200);
  };
  const api = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return {
      status: res.status,
      body: (await res.json().catch(() => null)) as Record<string, unknown> | null,
    };
  };
  const signIn = async () => {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    return ((await res.json()) as { token: string }).token;
  };

  beforeAll(async () => {
    if (dialect === 'postgres') {
      dbName = `fc_crash_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      await admin.end();
      const u = new URL(process.env.DATABASE_URL!);
      u.pathname = `/${dbName}`;
      dbUrl = u.toString();
    }
  });
  afterAll(async () => {
    if (child) child.kill('SIGKILL');
    if (child) await exited(child);
    if (dbName) {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('keeps every acknowledged write and no half-written one across five SIGKILLs', async () => {
    await startServer();
    let token = await signIn();
    // a trim and ten cars in stock to reserve
    const db0 = () =>
      openDb(dbUrl ? { databaseUrl: dbUrl } : { sqlitePath: join(dataDir, 'forecourt.sqlite') });
    const brand = await api('POST', '/brands', token, {
      code: 'CR',
      name: '崩溃',
      nameEn: 'Crash',
      country: 'CN',
    });
    const model = await api('POST', '/models', token, {
      brandId: brand.body!.id,
      code: 'CR1',
      name: '测试',
      nameEn: 'Test',
    });
    const trim = await api('POST', '/trims', token, {
      modelId: model.body!.id,
      code: 'CR1-EV',
      name: '纯电版',
      nameEn: 'EV',
      modelYear: 2026,
      bodyType: 'suv',
      seats: 5,
      energy: 'bev',
      drivetrain: 'fwd',
      transmission: 'single_speed',
      powerKw: 150,
      batteryWh: 60_000,
      rangeKm: 500,
      features: ['aeb'],
      colours: [],
    });
    expect(trim.status).toBe(201);
    const cars: string[] = [];
    for (let i = 0; i < 10; i++) {
      const car = await api('POST', '/vehicles', token, {
        vin: makeVin('LCR'),
        trimId: trim.body!.id,
        status: 'in_stock',
        arrivedOn: '2026-01-05',
      });
      cars.push(car.body!.id as string);
    }

    // a deal agreed on the trim (to order), for the payment writers: money must never be half booked
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const stores = await api('GET', '/stores', token);
    const hq = (stores.body!.items as { id: string; code: string }[]).find((x) => x.code === 'HQ')!;
    const list = await api('POST', '/price-lists', token, {
      storeId: hq.id,
      name: '崩溃价目表',
      effectiveFrom: today,
      items: [{ itemKind: 'trim', itemRef: trim.body!.id, guidePrice: 20_000_000, displayPrice: 20_000_000 }],
    });
    await api('POST', `/price-lists/${list.body!.id}/publish`, token);
    const buyer = await api('POST', '/customers', token, {
      type: 'individual',
      name: '崩溃买家',
      mobiles: ['13600000001'],
      storeId: hq.id,
    });
    const quoted = await api('POST', '/deals', token, {
      customerId: buyer.body!.id,
      trimId: trim.body!.id,
      vehiclePrice: 20_000_000,
    });
    expect(quoted.status, JSON.stringify([list.body, quoted.body])).toBe(201);
    const dealId = quoted.body!.id as string;
    expect(
      (await api('POST', `/deals/${dealId}/submit`, token, { version: quoted.body!.version })).status,
    ).toBe(200);

    const acknowledged = {
      customers: new Map<string, string>(),
      leads: new Set<string>(),
      reserved: new Set<string>(),
      payments: new Map<string, number>(),
      confirmed: new Set<string>(),
    };
    let n = 0;
    for (let round = 0; round < rounds; round++) {
      let running = true;
      const writer = async (kind: number) => {
        while (running) {
          const i = n++;
          try {
            if (kind < 3) {
              const mobile = `13${String(700_000_000 + round * 100_000 + i).slice(-9)}`;
              const res = await api('POST', '/customers', token, {
                type: 'individual',
                name: `崩溃客户${i}`,
                mobiles: [mobile],
              });
              if (res.status === 201) acknowledged.customers.set(res.body!.id as string, mobile);
            } else if (kind === 3) {
              const customers = [...acknowledged.customers.keys()];
              if (customers.length === 0) {
                await new Promise((r) => setTimeout(r, 20));
                continue;
              }
              const res = await api('POST', '/leads', token, {
                customerId: customers[i % customers.length],
                source: 'phone',
              });
              if (res.status === 201) acknowledged.leads.add(res.body!.id as string);
            } else if (kind === 5) {
              const res = await api('POST', '/payments', token, {
                dealId,
                kind: 'balance',
                method: 'cash',
                amount: 100 + (i % 7),
              });
              if (res.status !== 201) continue;
              acknowledged.payments.set(res.body!.id as string, res.body!.amount as number);
              // every third payment stays awaiting finance: it must not count toward the balance
              if (i % 3 === 0) continue;
              const ok = await api('POST', `/payments/${res.body!.id}/confirm`, token, {
                version: res.body!.version,
              });
              if (ok.status === 200) acknowledged.confirmed.add(res.body!.id as string);
            } else {
              const car = cars[i % cars.length]!;
              const res = await api('POST', `/vehicles/${car}/reserve`, token, { hours: 24 });
              if (res.status === 200) acknowledged.reserved.add(car);
              else
                await api('POST', `/vehicles/${car}/release`, token, {}).then(
                  (r) => r.status === 200 && acknowledged.reserved.delete(car),
                );
            }
          } catch {
            // the server died mid-request: an unacknowledged write, which may or may not have landed
          }
        }
      };
      const writers = [0, 1, 2, 3, 4, 4, 5, 5].map((k) => writer(k));
      await new Promise((r) => setTimeout(r, 300 + Math.floor(Math.random() * 900)));
      child!.kill('SIGKILL');
      await exited(child!);
      running = false;
      await Promise.all(writers);
      await startServer();
      token = await signIn();
    }
    expect(acknowledged.customers.size).toBeGreaterThan(20);

    const handle: DbHandle = db0();
    try {
      // every acknowledged customer and lead is there, through the API as a user sees it
      for (const id of acknowledged.customers.keys())
        expect((await api('GET', `/customers/${id}`, token)).status, id).toBe(200);
      for (const id of acknowledged.leads)
        expect((await api('GET', `/leads/${id}`, token)).status, id).toBe(200);
      const { db } = handle;
      // nothing half there: each customer has its mobile and its audit row; numbers are gap-free
      const orphans = await db
        .selectFrom('customers')
        .select('id')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('customer_mobiles')
                .select('id')
                .whereRef('customer_mobiles.customer_id', '=', 'customers.id'),
            ),
          ),
        )
        .execute();
      expect(orphans).toEqual([]);
      const unaudited = await db
        .selectFrom('customers')
        .select('id')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('audit_log')
                .select('audit_log.id')
                .whereRef('audit_log.entity_id', '=', 'customers.id')
                .where('audit_log.entity', '=', 'customer'),
            ),
          ),
        )
        .execute();
      expect(unaudited).toEqual([]);
      const leads = await db.selectFrom('leads').select('number').orderBy('number').execute();
      const serials = leads.map((l) => Number(l.number.slice(-6)));
      expect(serials).toEqual(serials.map((_, i) => i + 1));
      const counter = await db
        .selectFrom('counters')
        .select('value')
        .where('prefix', '=', 'LD')
        .executeTakeFirst();
      expect(Number(counter?.value ?? 0)).toBe(leads.length);
      // a reserved car has one holder and an expiry; an acknowledged reservation still holds
      const held = await db.selectFrom('vehicles').selectAll().where('id', 'in', cars).execute();
      for (const v of held) {
        if (v.status === 'reserved') expect(v.reserved_by && v.reserved_until).toBeTruthy();
        else expect(v.reserved_by).toBeNull();
      }
      const stillReserved = new Set(held.filter((v) => v.status === 'reserved').map((v) => v.id));
      for (const car of acknowledged.reserved) expect(stillReserved.has(car), car).toBe(true);
      // every acknowledged payment is there as acknowledged; the deal's balance is exactly its payments
      const payments = await db.selectFrom('payments').selectAll().where('deal_id', '=', dealId).execute();
      const byId = new Map(payments.map((p) => [p.id, p]));
      for (const [id, amount] of acknowledged.payments) expect(byId.get(id)?.amount, id).toBe(amount);
      for (const id of acknowledged.confirmed) expect(byId.get(id)?.status, id).toBe('confirmed');
      const confirmed = payments
        .filter((p) => p.status === 'confirmed')
        .reduce((sum, p) => sum + p.amount, 0);
      const deal = await api('GET', `/deals/${dealId}`, token);
      expect(deal.body!.balance).toMatchObject({ confirmed, balance: 20_000_000 - confirmed });
      const receipts = payments.map((p) => Number(p.number.slice(-6))).sort((a, b) => a - b);
      expect(receipts).toEqual(receipts.map((_, i) => i + 1));
      expect(acknowledged.confirmed.size).toBeGreaterThan(5);
      if (dialect === 'sqlite')
        expect(
          (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows[0]!
            .integrity_check,
        ).toBe('ok');
    } finally {
      await handle.close();
    }
  }, 240_000);
});
