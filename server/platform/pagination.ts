import type { SelectQueryBuilder } from 'kysely';
import { AppError } from './errors';

/**
 * Cursor (keyset) pagination: the cursor carries the last row's sort value and id, so pages stay
 * stable while rows are added, and no page costs an OFFSET scan.
 */
export interface SortSpec {
  column: string;
  direction: 'asc' | 'desc';
  field: string;
}

/** `sort=field` or `sort=-field`, restricted to the fields a list allows (field → column). */
export function parseSort(
  sort: string | undefined,
  allowed: Record<string, string>,
  fallback: string,
): SortSpec {
  const raw = sort ?? fallback;
  const desc = raw.startsWith('-');
  const field = desc ? raw.slice(1) : raw;
  const column = allowed[field];
  if (!column) {
    throw new AppError('request.invalid', {
      errors: [
        {
          path: 'query.sort',
          code: 'invalid_value',
          message: `sort by one of: ${Object.keys(allowed).join(', ')}`,
        },
      ],
    });
  }
  return { column, direction: desc ? 'desc' : 'asc', field };
}

function decodeCursor(cursor: string): [string | number | null, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
      return parsed as [string | number | null, string];
    }
  } catch {
    // fall through to the problem below
  }
  throw new AppError('request.invalid', {
    errors: [{ path: 'query.cursor', code: 'invalid_format', message: 'invalid cursor' }],
  });
}

/** Applies order, cursor and limit (+1 to know whether there is a next page). `idColumn` breaks ties. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function applyPage<QB extends SelectQueryBuilder<any, any, any>>(
  query: QB,
  sort: SortSpec,
  idColumn: string,
  limit: number,
  cursor: string | undefined,
): QB {
  let q = query;
  if (cursor) {
    const [value, id] = decodeCursor(cursor);
    const op = sort.direction === 'asc' ? '>' : '<';
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    q = q.where((eb: any) =>
      eb.or([eb(sort.column, op, value), eb.and([eb(sort.column, '=', value), eb(idColumn, op, id)])]),
    ) as QB;
  }
  return q
    .orderBy(sort.column, sort.direction)
    .orderBy(idColumn, sort.direction)
    .limit(limit + 1) as QB;
}

/** Cuts the extra row and makes the next cursor from the last row kept. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  sortValue: (row: R) => string | number | null,
  id: (row: R) => string,
  map: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? Buffer.from(JSON.stringify([sortValue(last), id(last)]), 'utf8').toString('base64url')
      : null;
  return { items: kept.map(map), nextCursor };
}

/**
 * The same page as `applyPage` over rows already in memory (a small candidate set found by exact keys,
 * e.g. customers matching a mobile's last 4 digits): sorted by value then id, after the cursor, limit + 1.
 * Loading a few hundred rows by key beats walking a sorted index across a whole group for them.
 */
export function pageInMemory<R>(
  rows: R[],
  sort: SortSpec,
  value: (row: R) => string | number | null,
  id: (row: R) => string,
  limit: number,
  cursor: string | undefined,
): R[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const cmp = (a: string | number | null, b: string | number | null) =>
    a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
  const sorted = [...rows].sort((a, b) => sign * (cmp(value(a), value(b)) || cmp(id(a), id(b))));
  let start = 0;
  if (cursor) {
    const [after, afterId] = decodeCursor(cursor);
    start = sorted.findIndex((r) => sign * (cmp(value(r), after) || cmp(id(r), afterId)) > 0);
    if (start < 0) start = sorted.length;
  }
  return sorted.slice(start, start + limit + 1);
}
