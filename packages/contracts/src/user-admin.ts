import { z } from 'zod';
import { pageOf, pageQuery } from './pagination';
import { auditLogEntry } from './audit-log';
import { makerspaceMembership } from './makerspace-memberships';

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

/**
 * One row of the admin users list: the account and its makerspaces with roles there (asked of
 * MakrCave once per page; null when it could not be asked, and the list says so).
 */
export const adminUserRow = adminUser.extend({
  makerspaces: z.array(makerspaceMembership).nullable(),
});
export type AdminUserRow = z.infer<typeof adminUserRow>;

export const adminUserPage = pageOf(adminUserRow);
export type AdminUserPage = z.infer<typeof adminUserPage>;

/**
 * One user as the admin's detail page shows them: the account, their makerspaces and roles
 * there (asked of MakrCave; null when it could not be asked), and what was recently done by
 * them or to their account.
 */
export const adminUserDetail = z.object({
  user: adminUser,
  makerspaces: z.array(makerspaceMembership).nullable(),
  recentActivity: z.array(auditLogEntry),
});
export type AdminUserDetail = z.infer<typeof adminUserDetail>;
