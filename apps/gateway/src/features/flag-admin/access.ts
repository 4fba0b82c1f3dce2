import type { SessionUser } from '@makrx/spa-kit';

/**
 * The flag screen is for super admins and admins (spec 5, "Flag Governance"); which flags each
 * may change is the service's answer, shown per flag. Makerspace admins use MakrCave's screen.
 */
export function canSeeFlagAdministration(user: SessionUser | undefined): boolean {
  return user?.roles.some((role) => role === 'super_admin' || role === 'admin') ?? false;
}
