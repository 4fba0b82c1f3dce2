import { AppShell } from '@makrx/spa-kit';
import type { NavItem } from '@makrx/ui';
import { useLocation } from 'react-router-dom';

function navFor(pathname: string): NavItem[] {
  return [
    {
      label: 'Makerspaces',
      href: '/',
      active: pathname === '/' || pathname.startsWith('/makerspaces'),
    },
    { label: 'Projects', href: '/projects', active: pathname.startsWith('/projects') },
  ];
}

export function AppLayout() {
  const { pathname } = useLocation();
  return <AppShell nav={navFor(pathname)} />;
}
