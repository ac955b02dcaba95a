import { z } from 'zod';
import { idSchema, pageOf, paginationQuery } from '../platform/common.schemas';

/**
 * The repair records sent to the national vehicle health record (汽车维修电子健康档案, JT/T 1132) after
 * settlement: each one's export status, attempts and the payload as sent.
 */
export const healthRecordSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    repairOrderId: idSchema,
    repairOrderNumber: z.string(),
    status: z.string(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    exportedAt: z.string().nullable(),
    exportRef: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'HealthRecord' });
export const healthRecordPageSchema = pageOf(healthRecordSchema, 'HealthRecordPage');
export const healthRecordQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
  status: z.enum(['pending', 'exported', 'failed']).optional(),
});
