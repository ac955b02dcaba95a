import { z } from 'zod';
import { passwordIssues } from '../rules/password';
import { roles } from './roles';
import { idSchema, versionSchema, pageOf } from '../platform/common.schemas';

export const roleSchema = z.enum(roles);
export const languageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const storeRoleSchema = z.strictObject({ storeId: idSchema, role: roleSchema });

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9._-]{3,40}$/, 'letters, digits, . _ or -, 3-40 characters');
/** The password policy of the rules library; the user's own name is checked by the service (it needs the user). */
export const passwordSchema = z
  .string()
  .max(200)
  .superRefine((password, ctx) => {
    for (const problem of passwordIssues(password)) ctx.addIssue({ code: 'custom', message: problem.code });
  });

export const userSchema = z
  .object({
    id: idSchema,
    groupId: idSchema,
    username: z.string(),
    displayName: z.string(),
    staffNo: z.string(),
    phone: z.string().nullable(),
    idNumberMasked: z.string().nullable(),
    language: languageSchema,
    status: z.enum(['active', 'disabled']),
    storeRoles: z.array(storeRoleSchema),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const createUserSchema = z
  .strictObject({
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(60),
    password: passwordSchema,
    phone: z.string().trim().max(20).nullable().optional(),
    idNumber: z.string().trim().max(20).nullable().optional(),
    language: languageSchema.default('zh-CN'),
    storeRoles: z.array(storeRoleSchema).min(1).max(50),
  })
  .meta({ id: 'CreateUser' });
export type CreateUser = z.infer<typeof createUserSchema>;

export const patchUserSchema = z
  .strictObject({
    version: versionSchema,
    displayName: z.string().trim().min(1).max(60).optional(),
    phone: z.string().trim().max(20).nullable().optional(),
    idNumber: z.string().trim().max(20).nullable().optional(),
    language: languageSchema.optional(),
    status: z.enum(['active', 'disabled']).optional(),
    storeRoles: z.array(storeRoleSchema).min(1).max(50).optional(),
    password: passwordSchema.optional(),
  })
  .meta({ id: 'PatchUser' });
export type PatchUser = z.infer<typeof patchUserSchema>;

export const userPageSchema = pageOf(userSchema, 'UserPage');

export const loginSchema = z
  .strictObject({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) })
  .meta({ id: 'LoginRequest' });

export const meSchema = z
  .object({
    user: userSchema,
    stores: z.array(
      z.object({
        id: idSchema,
        code: z.string(),
        name: z.string(),
        timezone: z.string(),
        currency: z.string(),
      }),
    ),
    permissions: z.record(z.string(), z.enum(['own', 'store', 'group'])),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

export const loginResponseSchema = z
  .object({ token: z.string(), csrfToken: z.string(), expiresAt: z.string(), user: userSchema })
  .meta({ id: 'LoginResponse' });

export const myPreferencesSchema = z.strictObject({ language: languageSchema }).meta({ id: 'MyPreferences' });

export const apiTokenSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    userId: idSchema,
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export const createApiTokenSchema = z
  .strictObject({ name: z.string().trim().min(1).max(60) })
  .meta({ id: 'CreateApiToken' });
export const createdApiTokenSchema = z
  .object({ token: z.string(), apiToken: apiTokenSchema })
  .meta({ id: 'CreatedApiToken' });
