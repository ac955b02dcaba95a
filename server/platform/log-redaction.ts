import type { FastifyRequest } from 'fastify';

/**
 * What the request log says about a request (PIPL: personal data stays out of logs). Query values are
 * replaced by `*` — a customer search carries mobile numbers, plates and identity numbers in `q` — and no
 * headers are logged, so neither the session cookie nor a bearer token reaches the log.
 */
export function redactRequestForLog(request: FastifyRequest) {
  const [path, query] = request.url.split('?', 2);
  const redacted = query
    ? `${path}?${query
        .split('&')
        .map((pair) => `${pair.split('=')[0]}=*`)
        .join('&')}`
    : path;
  return { method: request.method, url: redacted, remoteAddress: request.ip };
}
