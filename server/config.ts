import { join, resolve } from 'node:path';

/** Settings from the environment (api-conventions: PORT, HOST, DATABASE_URL, FORECOURT_DATA_DIR). */
export function loadConfig(env = process.env) {
  const dataDir = resolve(env.FORECOURT_DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    sqlitePath: join(dataDir, 'forecourt.sqlite'),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
export type Config = ReturnType<typeof loadConfig>;
