import { AppShell, useSession, type SessionUser } from '@makrx/spa-kit';
import type { NavItem } from '@makrx/ui';
import { useLocation } from 'react-router-dom';
import { canReadAuditLog } from '../features/audit-log/access';
import { canSeeFlagAdministration } from '../features/flag-admin/access';
import { canSeeUsers } from '../features/user-admin/access';
import { paths } from './paths';

function navFor(pathname: string, user: SessionUser | undefined): NavItem[] {
  const nav: NavItem[] = [
    { label: 'Discover', href: '/', active: pathname === '/' },
    { label: 'Makers', href: '/makers', active: pathname.startsWith('/makers') },
  ];
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
  return (
    <AppShell
      nav={navFor(pathname, user)}
      accountLinks={[
        { href: paths.addresses, label: 'Addresses' },
        { href: paths.notifications, label: 'Notifications' },
      ]}
    />
  );
}
