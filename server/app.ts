import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DbHandle } from './db/database';
import type { AppContext } from './platform/context';
import { registerAuth } from './platform/auth';
import { registerNotFound, registerProblemHandler } from './platform/problem';
import { auditRoutes } from './platform/audit.routes';
import { registerTabularParsers } from './platform/tabular';
import { registerSecurityHeaders } from './platform/security-headers';
import { registerInputGuards } from './platform/input-guards';
import type { PiiKeys } from './platform/pii';
import { createHandlerRegistry, type HandlerRegistry } from './platform/worker';
import { webhookRoutes } from './modules/integrations';
import { registerAllJobs } from './jobs';
import { redactRequestForLog } from './platform/log-redaction';
import { rulesRoutes } from './modules/rules';
import { authRoutes, resolveActor, storeRoutes, tokenRoutes, userRoutes } from './modules/identity';
import { catalogRoutes } from './modules/catalog';
import { vehiclesModuleRoutes } from './modules/vehicles';
import { crmModuleRoutes } from './modules/crm';
import { salesModuleRoutes } from './modules/sales';
import { partsModuleRoutes } from './modules/parts';
import { serviceModuleRoutes } from './modules/service';

export interface BuildAppOptions {
  handle: DbHandle;
  keys: PiiKeys;
  /** false for tests; a pino level (and, for tests of the log itself, a stream) for the server. */
  logger?: false | { level: string; stream?: { write(line: string): void } };
  handlers?: HandlerRegistry;
  /** Serve the built web app (web/dist) at `/`. */
  serveWeb?: boolean;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the HTTP app from the modules: one place that lists every route plugin. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { ...options.logger, serializers: { req: redactRequestForLog } } : false,
    bodyLimit: 1024 * 1024,
    // long path parameters reach the schema (and get a 400 naming the field) instead of a bare 414
    routerOptions: { maxParamLength: 1000 },
    trustProxy: process.env.FORECOURT_TRUST_PROXY === '1',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const handlers = options.handlers ?? createHandlerRegistry();
  const ctx: AppContext = { handle: options.handle, keys: options.keys, handlers, log: app.log, routes: [] };
  app.decorate('ctx', ctx);
  registerAllJobs(handlers, options.handle.db, options.keys);

  // every route, as registered: the permission-matrix test checks it covers them all
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') ctx.routes.push({ method, url: route.url });
  });
  registerProblemHandler(app);
  registerSecurityHeaders(app);
  registerInputGuards(app);
  await app.register(cookie);
  registerTabularParsers(app);
  registerAuth(app, (token, via) => resolveActor(options.handle.db, token, via));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Forecourt API',
        version: '0.1.0',
        description:
          'Dealer management system API. Money in minor units (分); errors are RFC 9457 problem+json.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/api/health',
    { schema: { tags: ['platform'], summary: 'Liveness and database check' } },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(options.handle.db);
        return { status: 'ok', database: options.handle.dialect };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: options.handle.dialect });
      }
    },
  );

  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(storeRoutes);
  await app.register(tokenRoutes);
  await app.register(auditRoutes);
  await app.register(webhookRoutes);
  await app.register(rulesRoutes);
  await app.register(catalogRoutes);
  await app.register(vehiclesModuleRoutes);
  await app.register(crmModuleRoutes);
  await app.register(salesModuleRoutes);
  await app.register(partsModuleRoutes);
  await app.register(serviceModuleRoutes);

  const webDist = join(root, 'web', 'dist');
  const spa = Boolean(options.serveWeb && existsSync(join(webDist, 'index.html')));
  if (spa) await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false });
  // the web app routes on the client: any other GET outside /api gets index.html
  registerNotFound(app, spa);
  return app;
}
