import { z } from 'zod';
import { pageOf, pageQuery } from './pagination';

/** Global (realm) roles a super admin assigns; makerspace roles are the cave's. */
export const assignableRole = z.enum([
  'super_admin',
  'admin',
  'admin:org',
  'admin:cave',
  'admin:store',
  'store_customer',
]);
export type AssignableRole = z.infer<typeof assignableRole>;

export const adminUser = z.object({
  id: z.uuid(),
  email: z.string(),
  username: z.string(),
  displayName: z.string(),
  emailVerified: z.boolean(),
  roles: z.array(z.string()),
  lockedUntil: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  lastSignInAt: z.iso.datetime().nullable(),
});
export type AdminUser = z.infer<typeof adminUser>;

export const adminUserQuery = pageQuery.extend({
  q: z.string().trim().max(120).optional(),
});
export type AdminUserQuery = z.infer<typeof adminUserQuery>;

export const adminUserPage = pageOf(adminUser);
export type AdminUserPage = z.infer<typeof adminUserPage>;
