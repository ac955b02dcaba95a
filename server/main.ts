import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from './config';
import { openDb } from './db/database';
import { migrateToLatest } from './db/migrate';
import { describeDurability } from './db/dialect-sql';
import { buildApp } from './app';
import { loadSecretKey } from './platform/pii';
import { createHandlerRegistry, startWorker } from './platform/worker';
import { writeBackup, restoreBackup } from './platform/backup';
import { ensureFirstAdmin } from './modules/identity';
import { registerAllJobs } from './jobs';
import { scheduleIdentityJobs } from './modules/identity/identity.jobs';
import { createUserFromCli } from './cli/user-create';
import { seedDemo } from './cli/seed-demo';
import { AppError } from './platform/errors';
import { errorTitles, interpolate } from './platform/i18n';

const help = `forecourt — dealer management system

Usage: forecourt <command> [options]

Commands:
  serve                      migrate, then serve the web app and API (PORT, HOST) with a job worker
                             (--no-worker to run the worker elsewhere)
  worker                     run the job worker alone (several may run on PostgreSQL)
  migrate                    bring the database schema up to date
  seed-demo [--size small|large]   add demo stores and staff
  user create --username U --role R [--store CODE] [--display-name N] --password-stdin
  backup --out FILE          write every table to a portable archive (gzip JSON lines)
  restore FILE               load an archive into an empty database (either dialect)

Environment: DATABASE_URL (PostgreSQL; default embedded SQLite in FORECOURT_DATA_DIR=./data),
FORECOURT_ADMIN_PASSWORD, FORECOURT_SECRET_KEY, PORT, HOST, LOG_LEVEL.`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(help);
    return 0;
  }
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const handle = openDb({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    await migrateToLatest(handle.db);
    if (command === 'serve' || command === 'worker')
      log.info(await describeDurability(handle.db, handle.dialect));
    switch (command) {
      case 'migrate':
        console.log(`database schema is up to date (${handle.dialect})`);
        return 0;
      case 'serve':
        return await serve(rest);
      case 'worker': {
        const handlers = createHandlerRegistry();
        registerAllJobs(handlers, handle.db, loadSecretKey(config.dataDir));
        const worker = startWorker(handle, handlers, log);
        log.info({ workerId: worker.workerId }, 'worker running');
        await waitForSignal();
        await worker.stop();
        return 0;
      }
      case 'user':
        return await createUserFromCli(handle, rest);
      case 'seed-demo': {
        announceFirstAdmin(await ensureFirstAdmin(handle.db)); // a fresh database: its admin first
        const { values } = parseArgs({ args: rest, options: { size: { type: 'string', default: 'small' } } });
        const summary = await seedDemo(
          handle,
          loadSecretKey(config.dataDir),
          values.size === 'large' ? 'large' : 'small',
        );
        console.log(summary);
        return 0;
      }
      case 'backup': {
        const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } } });
        if (!values.out) throw new Error('backup needs --out FILE');
        const manifest = await writeBackup(handle, values.out);
        console.log(
          `backup written to ${values.out}: ${manifest.tables.reduce((n, t) => n + t.rows, 0)} rows`,
        );
        return 0;
      }
      case 'restore': {
        const file = rest[0];
        if (!file) throw new Error('restore needs FILE');
        const manifest = await restoreBackup(handle, file);
        console.log(
          `restored ${manifest.tables.reduce((n, t) => n + t.rows, 0)} rows from ${file} (made ${manifest.createdAt})`,
        );
        return 0;
      }
      default:
        console.error(`unknown command: ${command}\n\n${help}`);
        return 2;
    }
  } finally {
    if (command !== 'serve') await handle.close();
  }

  async function serve(args: string[]) {
    const { values } = parseArgs({ args, options: { 'no-worker': { type: 'boolean', default: false } } });
    const keys = loadSecretKey(config.dataDir);
    announceFirstAdmin(await ensureFirstAdmin(handle.db));
    await scheduleIdentityJobs(handle.db);
    const handlers = createHandlerRegistry();
    const app = await buildApp({
      handle,
      keys,
      logger: { level: config.logLevel },
      handlers,
      serveWeb: true,
    });
    await app.listen({ port: config.port, host: config.host });
    const worker = values['no-worker'] ? null : startWorker(handle, handlers, log);
    console.log(`Forecourt is running at http://localhost:${config.port} (${handle.dialect})`);
    await waitForSignal();
    await worker?.stop();
    await app.close();
    await handle.close();
    return 0;
  }
}

function waitForSignal() {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof AppError) {
      console.error(
        `${interpolate(errorTitles[err.code].en, err.params)} (${err.code})${err.message !== err.code ? `: ${err.message}` : ''}`,
      );
    } else console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);

/** On an empty database the first `admin` is created: say so once, with its one-time password. */
function announceFirstAdmin(first: Awaited<ReturnType<typeof ensureFirstAdmin>>) {
  if (first?.generated) {
    console.log(
      `\n  First start: created user "admin" with one-time password: ${first.password}\n  Sign in and change it.\n`,
    );
  } else if (first) {
    console.log('\n  First start: created user "admin" with the password from FORECOURT_ADMIN_PASSWORD.\n');
  }
}
