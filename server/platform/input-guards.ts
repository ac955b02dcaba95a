import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

/**
 * Text that no database stores: a NUL character (PostgreSQL refuses it in text; SQLite truncates
 * at it in some tools). Refused with 400 naming the field, before any handler runs.
 */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], path ? `${path}.${i}` : String(i));
      if (hit !== null) return hit;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNul(v, path ? `${path}.${k}` : k);
      if (hit !== null) return hit;
    }
  }
  return null;
}

export function registerInputGuards(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const sources: [string, unknown][] = [
      ['', request.body],
      ['query', request.query],
      ['params', request.params],
    ];
    for (const [prefix, value] of sources) {
      if (Buffer.isBuffer(value)) continue;
      const hit = findNul(value, prefix);
      if (hit !== null) {
        throw new AppError('request.invalid', {
          errors: [{ path: hit, code: 'invalid_characters', message: 'contains a NUL character' }],
        });
      }
    }
  });
}
