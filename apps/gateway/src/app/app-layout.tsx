import { AppShell } from '@makrx/spa-kit';
import type { NavItem } from '@makrx/ui';
import { useLocation } from 'react-router-dom';

function navFor(pathname: string): NavItem[] {
  return [
    { label: 'Discover', href: '/', active: pathname === '/' },
    { label: 'Makers', href: '/makers', active: pathname.startsWith('/makers') },
  ];
}

export function AppLayout() {
  const { pathname } = useLocation();
  return <AppShell nav={navFor(pathname)} />;
}
