import { AppShell, useFlag, useSession, type SessionUser } from '@makrx/spa-kit';
import type { NavItem } from '@makrx/ui';
import { useLocation } from 'react-router-dom';
import { canReadAuditLog } from '../features/audit-log/access';
import { canSeeFlagAdministration } from '../features/flag-admin/access';
import { canSeeUsers } from '../features/user-admin/access';
import { paths } from './paths';

function navFor(pathname: string, user: SessionUser | undefined, community: boolean): NavItem[] {
  const nav: NavItem[] = [
    { label: 'Discover', href: '/', active: pathname === '/' },
    {
      label: 'Makers',
      href: '/makers',
      active: pathname === '/makers' || pathname.startsWith('/makers/'),
    },
  ];
  if (user && community) {
    nav.push({ label: 'Feed', href: paths.feed, active: pathname === paths.feed });
  }
  if (canSeeUsers(user)) {
    nav.push({ label: 'Users', href: paths.userAdmin, active: pathname === paths.userAdmin });
  }
  if (canSeeFlagAdministration(user)) {
    nav.push({ label: 'Flags', href: paths.flagAdmin, active: pathname === paths.flagAdmin });
  }
  if (canReadAuditLog(user)) {
    nav.push({ label: 'Audit log', href: paths.auditLog, active: pathname === paths.auditLog });
  }
  return nav;
}

export function AppLayout() {
  const { pathname } = useLocation();
  const { user } = useSession();
  const community = useFlag('ENABLE_COMMUNITY_FEATURES', true);
  const passkeysOn = useFlag('ENABLE_NEW_AUTHENTICATION_FLOW', false);
  return (
    <AppShell
      nav={navFor(pathname, user, community)}
      accountLinks={[
        { href: paths.account, label: 'Your account' },
        { href: paths.editProfile, label: 'Your profile' },
        { href: paths.myEcosystem, label: 'My ecosystem' },
        { href: paths.addresses, label: 'Addresses' },
        { href: paths.sessions, label: 'Sessions' },
        ...(passkeysOn ? [{ href: paths.passkeys, label: 'Passkeys' }] : []),
        { href: paths.notifications, label: 'Notifications' },
      ]}
    />
  );
}
