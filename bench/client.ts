/**
 * The load generator's thread: it runs one workload's operations against the listening server and
 * answers with the LoadResult. Clients of a real server are other machines; running them on their own
 * thread keeps the generator's HTTP work off the server's event loop (on two cores: one each).
 */
import { parentPort } from 'node:worker_threads';
import { httpCall } from './http-client';
import { runLoad } from './load';
import { apiSender, workloads, type BenchData } from './workloads';

export interface LoadRequest {
  address: string;
  data: BenchData;
  /** A workload's name, or 'bare' for GET /bare (the framework's floor). */
  workload: string;
  concurrency: number;
  seconds: number;
}

parentPort!.on('message', async (request: LoadRequest) => {
  const ctx = { ...request.data, send: apiSender(request.address, request.data.token) };
  const op =
    request.workload === 'bare'
      ? async () => (await httpCall(request.address, 'GET', '/bare')).text
      : workloads.find((w) => w.name === request.workload)!.op;
  const result = await runLoad((i) => op(ctx, i), {
    concurrency: request.concurrency,
    seconds: request.seconds,
  });
  parentPort!.postMessage(result);
});
