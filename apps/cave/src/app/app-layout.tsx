import { AppShell, useSession } from '@makrx/spa-kit';
import type { NavItem } from '@makrx/ui';
import { useLocation } from 'react-router-dom';
import { MakerspaceSwitcher } from '../features/memberships/components/makerspace-switcher';
import { paths } from '../paths';

function navFor(pathname: string, signedIn: boolean): NavItem[] {
  return [
    {
      label: 'Makerspaces',
      href: paths.home,
      active: pathname === '/' || pathname.startsWith('/makerspaces'),
    },
    ...(signedIn
      ? [
          {
            label: 'My bookings',
            href: paths.myBookings,
            active: pathname.startsWith(paths.myBookings),
          },
        ]
      : []),
    { label: 'Projects', href: '/projects', active: pathname.startsWith('/projects') },
  ];
}

export function AppLayout() {
  const { pathname } = useLocation();
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  return (
    <AppShell
      nav={navFor(pathname, signedIn)}
      switcher={signedIn ? <MakerspaceSwitcher pathname={pathname} /> : undefined}
    />
  );
}
