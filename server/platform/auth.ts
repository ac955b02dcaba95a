import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors';
import type { Actor } from './permissions';

export const sessionCookie = 'fc_session';
export const csrfCookie = 'fc_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** A new secret token (session, API token, CSRF): 32 random bytes. */
export const newToken = () => randomBytes(32).toString('base64url');
/** Tokens are stored only as their SHA-256, so a leaked table grants nothing. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

export type ActorResolver = (token: string, via: 'session' | 'bearer') => Promise<Actor | null>;

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string) {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Finds who is calling on every /api request: `Authorization: Bearer <token>` (API clients) or the
 * httpOnly session cookie (the web app). Cookie-authenticated writes must echo the CSRF token in
 * `X-CSRF-Token` (double submit, checked against the server-side session).
 */
export function registerAuth(app: FastifyInstance, resolve: ActorResolver) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.actor = await resolve(header.slice(7).trim(), 'bearer');
      return;
    }
    const cookie = request.cookies[sessionCookie];
    if (!cookie) return;
    const actor = await resolve(cookie, 'session');
    const exempt = request.url.startsWith('/api/v1/auth/login');
    if (actor && !exempt && !safeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !actor.csrfToken || !sameSecret(sent, actor.csrfToken)) {
        throw new AppError('auth.csrf_failed');
      }
    }
    request.actor = actor;
  });
}

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('auth.not_signed_in');
  return request.actor;
}
