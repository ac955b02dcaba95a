import { z } from 'zod';

/** Shapes every module's API shares: ids, dates, pagination, problem+json. */
export const idSchema = z.string().min(1).max(64);
export const versionSchema = z.number().int().min(1);
export const isoInstant = z.string().datetime({ offset: true });

export const paginationQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
}

export const fieldProblem = z.object({ path: z.string(), message: z.string(), code: z.string() });

export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string(),
    errors: z.array(fieldProblem).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;
