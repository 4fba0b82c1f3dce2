import type { SessionUser } from '@makrx/spa-kit';

/** User administration is the super admin's alone (spec 4); the API checks it again. */
export function canAdministerUsers(user: SessionUser | undefined): boolean {
  return user?.roles.includes('super_admin') ?? false;
}
