import { redirect } from 'next/navigation';
import { currentSession } from '../session/current-session';

/** A super admin, or an admin of the store domain (packages/auth: `admin` + `admin:store`). */
export function isStoreAdmin(roles: readonly string[]): boolean {
  return (
    roles.includes('super_admin') || (roles.includes('admin') && roles.includes('admin:store'))
  );
}

/**
 * The admin pages' gate: a guest is sent to sign in and back, anyone else who is not a store
 * admin gets `false` (the page explains). The service checks again on every call.
 */
export async function requireStoreAdminPage(returnTo: string): Promise<boolean> {
  const session = await currentSession();
  if (!session) redirect(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  return isStoreAdmin(session.user.roles);
}
