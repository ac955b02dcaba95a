import { performance } from 'node:perf_hooks';

export interface LoadResult {
  ops: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  firstError?: string;
}

/**
 * Runs `op` from `concurrency` workers for `seconds` (after a short warm-up) and reports throughput and
 * the p50/p99 latency of one operation in milliseconds. `op(i)` gets a number unique in this run.
 */
export async function runLoad(
  op: (i: number) => Promise<unknown>,
  {
    concurrency,
    seconds,
    warmupSeconds = 0.5,
  }: { concurrency: number; seconds: number; warmupSeconds?: number },
): Promise<LoadResult> {
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];
  const loop = async (until: number, record: boolean) => {
    while (performance.now() < until) {
      const i = next++;
      const start = performance.now();
      try {
        await op(i);
        if (record) latencies.push(performance.now() - start);
      } catch (err) {
        errors++;
        firstError ??= String(err instanceof Error ? err.message : err).slice(0, 300);
      }
    }
  };
  const warm = performance.now() + warmupSeconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, () => loop(warm, false)));
  errors = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, () => loop(start + seconds * 1000, true)));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    ops: latencies.length,
    errors,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    ...(firstError ? { firstError } : {}),
  };
}
