import type { DbOrTrx } from '../db/database';
import { newId, nowIso } from './ids';

export interface AuditEntry {
  actorId: string | null;
  storeId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

const secretFields = new Set(['password_hash', 'passwordHash', 'password', 'id_number_enc', 'token_hash']);

/** Keeps secrets out of the audit trail; the audit says a secret changed, never what it is. */
function redact(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value ?? null;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      secretFields.has(k) ? '[redacted]' : v,
    ]),
  );
}

/** Records who changed which record and how, in the same transaction as the write (architecture rule 3). */
export async function recordAudit(trx: DbOrTrx, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: nowIso(),
      actor_id: entry.actorId,
      store_id: entry.storeId,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      before_json: entry.before === undefined ? null : JSON.stringify(redact(entry.before)),
      after_json: entry.after === undefined ? null : JSON.stringify(redact(entry.after)),
    })
    .execute();
}

/** Only the fields that differ, so the audit row shows what changed. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

/** Many audit rows in a few statements (imports): the same rows recordAudit would write, in chunks. */
export async function recordAuditBatch(trx: DbOrTrx, entries: AuditEntry[]): Promise<void> {
  const at = nowIso();
  const rows = entries.map((entry) => ({
    id: newId(),
    at,
    actor_id: entry.actorId,
    store_id: entry.storeId,
    entity: entry.entity,
    entity_id: entry.entityId,
    action: entry.action,
    before_json: entry.before === undefined ? null : JSON.stringify(redact(entry.before)),
    after_json: entry.after === undefined ? null : JSON.stringify(redact(entry.after)),
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}
