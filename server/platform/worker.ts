/** The little a worker needs of a logger (pino's and Fastify's both fit). */
export interface WorkerLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
import type { DbHandle } from '../db/database';
import { newId } from './ids';
import { claimDueJobs, markJobDone, markJobFailed, type JobHandler } from './jobs';

export type HandlerRegistry = Map<string, JobHandler[]>;

export function createHandlerRegistry(): HandlerRegistry {
  return new Map();
}

/** Subscribes a handler to an event or job type; '*' receives every type (e.g. webhook delivery). */
export function onJob(registry: HandlerRegistry, type: string, handler: JobHandler) {
  registry.set(type, [...(registry.get(type) ?? []), handler]);
}

/** Runs one round: claims due jobs and runs their handlers. Returns how many jobs it handled. */
export async function runWorkerOnce(
  handle: DbHandle,
  registry: HandlerRegistry,
  workerId: string,
  log?: WorkerLog,
) {
  const jobs = await claimDueJobs(handle, workerId, 20);
  for (const job of jobs) {
    const handlers = [...(registry.get(job.type) ?? []), ...(registry.get('*') ?? [])];
    try {
      const payload = JSON.parse(job.payload_json) as unknown;
      for (const handler of handlers)
        await handler(payload, {
          id: job.id,
          type: job.type,
          attempts: job.attempts,
          storeId: job.store_id,
          createdAt: job.created_at,
        });
      await markJobDone(handle.db, job.id);
    } catch (err) {
      log?.warn({ err, jobId: job.id, type: job.type, attempt: job.attempts }, 'job failed');
      await markJobFailed(handle.db, job, err);
    }
  }
  return jobs.length;
}

/** The polling loop `forecourt serve` runs inside and `forecourt worker` runs alone. */
export function startWorker(handle: DbHandle, registry: HandlerRegistry, log?: WorkerLog, intervalMs = 1000) {
  const workerId = `worker-${process.pid}-${newId().slice(-8)}`;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);
  const tick = async () => {
    if (stopped) return;
    try {
      running = runWorkerOnce(handle, registry, workerId, log);
      const handled = await running;
      timer = setTimeout(tick, handled > 0 ? 0 : intervalMs);
    } catch (err) {
      log?.error({ err }, 'worker round failed');
      timer = setTimeout(tick, intervalMs * 5);
    }
  };
  timer = setTimeout(tick, 0);
  return {
    workerId,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => undefined);
    },
  };
}
