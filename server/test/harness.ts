import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../app';
import { openDb, type DbHandle, type Dialect } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { ensureFirstAdmin } from '../modules/identity';
import type { PiiKeys } from '../platform/pii';
import { createHandlerRegistry, type HandlerRegistry } from '../platform/worker';

/** Every integration test runs once per database: SQLite always, PostgreSQL when DATABASE_URL is set. */
export const dialects: Dialect[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export const adminPassword = 'admin-password-123';

export const testKeys: PiiKeys = {
  encryptionKey: Buffer.alloc(32, 7),
  hashKey: Buffer.alloc(32, 9),
};

/** A fresh, migrated, empty database of the given dialect (PostgreSQL: a schema of its own, dropped at close). */
export async function openTestDb(dialect: Dialect): Promise<DbHandle> {
  if (dialect === 'sqlite') {
    const handle = openDb({ sqlitePath: ':memory:' });
    await migrateToLatest(handle.db);
    return handle;
  }
  const url = process.env.DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDb({ databaseUrl: url, pgSchema: schema, poolSize: 20 });
  await migrateToLatest(handle.db, schema);
  return {
    ...handle,
    async close() {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

export interface TestApp {
  dialect: Dialect;
  app: FastifyInstance;
  handle: DbHandle;
  handlers: HandlerRegistry;
  hqStoreId: string;
  adminToken: string;
  call(method: InjectOptions['method'], url: string, options?: CallOptions): Promise<CallResult>;
  login(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Record<string, unknown>;
}

/** The app on a fresh database with the first-start admin signed in. */
export async function createTestApp(dialect: Dialect): Promise<TestApp> {
  const handle = await openTestDb(dialect);
  await ensureFirstAdmin(handle.db, adminPassword);
  const handlers = createHandlerRegistry();
  const app = await buildApp({ handle, keys: testKeys, logger: false, handlers });
  const call = async (
    method: InjectOptions['method'],
    url: string,
    options: CallOptions = {},
  ): Promise<CallResult> => {
    const headers: Record<string, string> = { 'accept-language': 'en', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const res = await app.inject({
      method,
      url,
      headers,
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
    let body: unknown = res.body;
    try {
      body = res.body ? JSON.parse(res.body) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.statusCode, body, headers: res.headers };
  };
  const login = async (username: string, password: string) => {
    const res = await call('POST', '/api/v1/auth/login', { body: { username, password } });
    if (res.status !== 200)
      throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  };
  const adminToken = await login('admin', adminPassword);
  const hq = await handle.db
    .selectFrom('stores')
    .select('id')
    .where('code', '=', 'HQ')
    .executeTakeFirstOrThrow();
  return {
    dialect,
    app,
    handle,
    handlers,
    hqStoreId: hq.id,
    adminToken,
    call,
    login,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
