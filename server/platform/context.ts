import type { FastifyBaseLogger } from 'fastify';
import type { DbHandle } from '../db/database';
import type { PiiKeys } from './pii';
import type { HandlerRegistry } from './worker';

/** What every route and service needs from the running app. Built once in app.ts. */
export interface AppContext {
  handle: DbHandle;
  keys: PiiKeys;
  handlers: HandlerRegistry;
  log: FastifyBaseLogger;
  /** Every registered route (method, url pattern). */
  routes: { method: string; url: string }[];
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
