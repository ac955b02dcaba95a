import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer: no framing (clickjacking), no MIME sniffing, no referrer leaking
 * record ids to other sites, and a Content-Security-Policy that only lets the app's own scripts run.
 * Ant Design injects its styles at run time, hence 'unsafe-inline' for styles only. Trim photos may
 * come from the maker's CDN (https images).
 */
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    // the API docs page (swagger-ui) ships its own inline bootstrap script
    if (!request.url.startsWith('/api/docs')) reply.header('content-security-policy', csp);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
