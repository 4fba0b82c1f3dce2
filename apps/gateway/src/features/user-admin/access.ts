import type { SessionUser } from '@makrx/spa-kit';
import { assignableRoles } from './roles';
import type { AssignableRole } from '@makrx/contracts';

/**
 * Spec 4: super admins manage every account; a domain admin "can manage users within their
 * domain": they see the accounts and give or take away their own domain's admin role. The API
 * checks the same again; this only decides what the pages offer.
 */
export function canSeeUsers(user: SessionUser | undefined): boolean {
  return user?.roles.some((role) => role === 'super_admin' || role === 'admin') ?? false;
}

export function canLockAccounts(user: SessionUser | undefined): boolean {
  return user?.roles.includes('super_admin') ?? false;
}

/** The global roles the signed-in admin may give or take away. */
export function rolesManagedBy(user: SessionUser | undefined): readonly AssignableRole[] {
  if (!user) return [];
  if (user.roles.includes('super_admin')) return assignableRoles;
  return assignableRoles.filter((role) => role.startsWith('admin:') && user.roles.includes(role));
}
