import type { SessionUser } from '@makrx/spa-kit';

/** The audit log and parked events are the super admin's alone; the APIs check it again. */
export function canReadAuditLog(user: SessionUser | undefined): boolean {
  return user?.roles.includes('super_admin') ?? false;
}
