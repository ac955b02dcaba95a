import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database';
import * as m0001 from './migrations/0001-platform';
import * as m0002 from './migrations/0002-identity';
import * as m0003 from './migrations/0003-webhooks';
import * as m0004 from './migrations/0004-catalog';
import * as m0005 from './migrations/0005-vehicles';
import * as m0006 from './migrations/0006-crm';
import * as m0007 from './migrations/0007-crm-leads';
import * as m0008 from './migrations/0008-crm-needs';
import * as m0009 from './migrations/0009-crm-reception';
import * as m0010 from './migrations/0010-list-indexes';
import * as m0011 from './migrations/0011-crm-tasks';
import * as m0012 from './migrations/0012-sales';
import * as m0013 from './migrations/0013-parts';
import * as m0014 from './migrations/0014-service';
import * as m0015 from './migrations/0015-list-indexes';
import * as m0017 from './migrations/0017-parts-numbers-per-store';

/** Every migration, in order. Written once with Kysely's schema builder; they run on both dialects. */
export const migrations: Record<string, Migration> = {
  '0001-platform': m0001,
  '0002-identity': m0002,
  '0003-webhooks': m0003,
  '0004-catalog': m0004,
  '0005-vehicles': m0005,
  '0006-crm': m0006,
  '0007-crm-leads': m0007,
  '0008-crm-needs': m0008,
  '0009-crm-reception': m0009,
  '0010-list-indexes': m0010,
  '0011-crm-tasks': m0011,
  '0012-sales': m0012,
  '0013-parts': m0013,
  '0014-service': m0014,
  '0015-list-indexes': m0015,
  '0017-parts-numbers-per-store': m0017,
};

/** The schema version a backup records: the name of the newest migration. */
export const schemaVersion = Object.keys(migrations).at(-1)!;

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the database to the newest schema. Safe to run at every start and from several processes.
 * `pgSchema`: the PostgreSQL schema the migration tables live in — Kysely otherwise finds them in ANY
 * schema of the database, so parallel test schemas would see each other's (and skip creating theirs).
 */
export async function migrateToLatest(db: Db, pgSchema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider, ...(pgSchema ? { migrationTableSchema: pgSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
