import type { DbHandle, DbOrTrx } from '../db/database';
import { lockForClaim } from '../db/dialect-sql';
import { newId, nowIso } from './ids';

/**
 * Domain events and scheduled jobs share one table (the outbox). An event is written in the same
 * transaction as the change it reports; the worker handles it after commit, with retries.
 */
export type JobHandler = (
  payload: unknown,
  job: { id: string; type: string; attempts: number; storeId: string | null; createdAt: string },
) => Promise<void>;

export interface EnqueueOptions {
  storeId?: string | null;
  runAt?: Date;
  maxAttempts?: number;
}

/** Writes a domain event or job into the outbox, inside the caller's transaction. */
export async function enqueueJob(trx: DbOrTrx, type: string, payload: unknown, options: EnqueueOptions = {}) {
  const id = newId();
  await trx
    .insertInto('jobs')
    .values({
      id,
      type,
      payload_json: JSON.stringify(payload),
      store_id: options.storeId ?? null,
      status: 'pending',
      max_attempts: options.maxAttempts ?? 8,
      run_at: (options.runAt ?? new Date()).toISOString(),
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: nowIso(),
      finished_at: null,
    })
    .execute();
  return id;
}

/** A domain event: `identity.user.created` etc. Handlers subscribe by type. */
export const emitEvent = (trx: DbOrTrx, type: string, payload: unknown, storeId: string | null = null) =>
  enqueueJob(trx, type, payload, { storeId });

/** Backoff before the next attempt: 2^attempts seconds, capped at one hour. */
export const retryDelayMs = (attempts: number) => Math.min(2 ** attempts * 1000, 3_600_000);

export interface ClaimedJob {
  id: string;
  type: string;
  payload_json: string;
  store_id: string | null;
  created_at: string;
  attempts: number;
  max_attempts: number;
}

/** Claims up to `limit` due jobs for this worker. On PostgreSQL several workers can claim at once (SKIP LOCKED). */
export async function claimDueJobs(handle: DbHandle, workerId: string, limit: number, leaseMs = 60_000) {
  const now = new Date();
  return handle.db.transaction().execute(async (trx) => {
    const due = await lockForClaim(
      handle.dialect,
      trx
        .selectFrom('jobs')
        .select(['id', 'type', 'payload_json', 'store_id', 'created_at', 'attempts', 'max_attempts'])
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now.toISOString())]),
            // a worker that died mid-job: its lease ran out, so the job is due again
            eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now.toISOString())]),
          ]),
        )
        .orderBy('run_at')
        .limit(limit),
    ).execute();
    if (due.length === 0) return [] as ClaimedJob[];
    await trx
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        locked_by: workerId,
        locked_until: new Date(now.getTime() + leaseMs).toISOString(),
        attempts: eb('attempts', '+', 1),
      }))
      .where(
        'id',
        'in',
        due.map((j) => j.id),
      )
      .execute();
    return due.map((j) => ({ ...j, attempts: j.attempts + 1 }));
  });
}

export async function markJobDone(db: DbOrTrx, id: string) {
  await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: nowIso(), locked_by: null, locked_until: null, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: due again after the backoff, or dead once its attempts are spent. */
export async function markJobFailed(db: DbOrTrx, job: ClaimedJob, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  const dead = job.attempts >= job.max_attempts;
  await db
    .updateTable('jobs')
    .set({
      status: dead ? 'dead' : 'pending',
      run_at: new Date(Date.now() + retryDelayMs(job.attempts)).toISOString(),
      locked_by: null,
      locked_until: null,
      last_error: message.slice(0, 2000),
      finished_at: dead ? nowIso() : null,
    })
    .where('id', '=', job.id)
    .execute();
}
