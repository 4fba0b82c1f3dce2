import { AppShell, useSession, type SessionUser } from '@makrx/spa-kit';
import type { NavItem } from '@makrx/ui';
import { useLocation } from 'react-router-dom';
import { canSeeFlagAdministration } from '../features/flag-admin/access';
import { canAdministerUsers } from '../features/user-admin/access';
import { paths } from './paths';

function navFor(pathname: string, user: SessionUser | undefined): NavItem[] {
  const nav: NavItem[] = [
    { label: 'Discover', href: '/', active: pathname === '/' },
    { label: 'Makers', href: '/makers', active: pathname.startsWith('/makers') },
  ];
  if (canAdministerUsers(user)) {
    nav.push({ label: 'Users', href: paths.userAdmin, active: pathname === paths.userAdmin });
  }
  if (canSeeFlagAdministration(user)) {
    nav.push({ label: 'Flags', href: paths.flagAdmin, active: pathname === paths.flagAdmin });
  }
  return nav;
}

export function AppLayout() {
  const { pathname } = useLocation();
  const { user } = useSession();
  return <AppShell nav={navFor(pathname, user)} />;
}
