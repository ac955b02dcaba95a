import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Trx } from '../db/database';
import { AppError } from './errors';
import { nowIso } from './ids';
import type { Actor } from './permissions';

export interface WriteResult {
  status: number;
  body: unknown;
  location?: string;
}

/**
 * Runs a change in ONE transaction (architecture rule 3) and answers it. A POST carrying an
 * `Idempotency-Key` has its effect once: the answer is stored in the same transaction, and a retry
 * (or a concurrent twin) gets the first answer back.
 */
export async function runWrite(
  request: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  work: (trx: Trx) => Promise<WriteResult>,
): Promise<FastifyReply> {
  const db = request.server.ctx.handle.db;
  const rawKey = request.headers['idempotency-key'];
  const key =
    request.method === 'POST' && typeof rawKey === 'string' && rawKey.length > 0
      ? rawKey.slice(0, 200)
      : null;
  const path = request.url.split('?')[0]!;
  const requestHash = createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('base64url');

  const replay = async () => {
    const stored = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('actor_id', '=', actor.userId)
      .where('key', '=', key!)
      .executeTakeFirst();
    if (!stored) return null;
    if (stored.request_hash !== requestHash) throw new AppError('idempotency.key_reused');
    if (stored.location) reply.header('location', stored.location);
    return reply
      .status(stored.status_code)
      .header('idempotent-replayed', 'true')
      .send(JSON.parse(stored.response_json));
  };

  if (key) {
    const replayed = await replay();
    if (replayed) return replayed;
  }
  let result: WriteResult;
  try {
    result = await retryVictim(() =>
      db.transaction().execute(async (trx) => {
        const r = await work(trx);
        if (key) {
          await trx
            .insertInto('idempotency_keys')
            .values({
              actor_id: actor.userId,
              key,
              method: request.method,
              path,
              request_hash: requestHash,
              status_code: r.status,
              response_json: JSON.stringify(r.body ?? null),
              location: r.location ?? null,
              created_at: nowIso(),
            })
            .execute();
        }
        return r;
      }),
    );
  } catch (err) {
    // A concurrent request with the same key committed first (its effect may be what made this one
    // fail): this one rolled back whole; answer as the first did.
    if (key) {
      const replayed = await replay();
      if (replayed) return replayed;
    }
    throw err;
  }
  if (result.location) reply.header('location', result.location);
  return result.body === undefined
    ? reply.status(result.status).send()
    : reply.status(result.status).send(result.body);
}

/**
 * PostgreSQL ends one of two transactions that wait on each other (deadlock_detected, 40P01) or that
 * it cannot serialize (40001), rolled back whole. The change is run again, up to three times, after a
 * short random pause: everything it does, its events and audit included, is inside the transaction,
 * so a second run is the same request, not a second effect.
 */
export async function retryVictim<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
