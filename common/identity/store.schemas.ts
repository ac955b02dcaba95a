import { z } from 'zod';
import { idSchema, versionSchema, pageOf } from '../platform/common.schemas';

export const storeCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,19}$/, 'upper-case letters, digits, - or _, 2-20 characters');

export const storeSchema = z
  .object({
    id: idSchema,
    groupId: idSchema,
    code: z.string(),
    name: z.string(),
    timezone: z.string(),
    currency: z.string(),
    address: z.string().nullable(),
    taxId: z.string().nullable(),
    active: z.boolean(),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Store' });
export type Store = z.infer<typeof storeSchema>;

export const createStoreSchema = z
  .strictObject({
    code: storeCodeSchema,
    name: z.string().trim().min(1).max(100),
    timezone: z.string().trim().min(1).max(64).default('Asia/Shanghai'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('CNY'),
    address: z.string().trim().max(300).nullable().optional(),
    taxId: z.string().trim().max(30).nullable().optional(),
  })
  .meta({ id: 'CreateStore' });
export type CreateStore = z.infer<typeof createStoreSchema>;

export const patchStoreSchema = z
  .strictObject({
    version: versionSchema,
    name: z.string().trim().min(1).max(100).optional(),
    timezone: z.string().trim().min(1).max(64).optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    address: z.string().trim().max(300).nullable().optional(),
    taxId: z.string().trim().max(30).nullable().optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'PatchStore' });
export type PatchStore = z.infer<typeof patchStoreSchema>;

export const storePageSchema = pageOf(storeSchema, 'StorePage');
