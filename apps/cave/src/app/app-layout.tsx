import { AppShell, useSession } from '@makrx/spa-kit';
import type { NavItem } from '@makrx/ui';
import { lazy, Suspense } from 'react';
import { useLocation } from 'react-router-dom';
import { paths } from '../paths';

// Only signed-in people have makerspaces to switch between.
const MakerspaceSwitcher = lazy(() =>
  import('../features/memberships/components/makerspace-switcher').then((module) => ({
    default: module.MakerspaceSwitcher,
  })),
);

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
    {
      label: 'Projects',
      href: '/projects',
      active: ['/projects', '/my-projects', '/new-project'].some((p) => pathname.startsWith(p)),
    },
  ];
}

export function AppLayout() {
  const { pathname } = useLocation();
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  return (
    <AppShell
      nav={navFor(pathname, signedIn)}
      switcher={
        signedIn ? (
          <Suspense fallback={null}>
            <MakerspaceSwitcher pathname={pathname} />
          </Suspense>
        ) : undefined
      }
    />
  );
}
