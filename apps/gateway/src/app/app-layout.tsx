import { PortalFooter, PortalHeader, type NavItem } from '@makrx/ui';
import { Outlet, ScrollRestoration, useLocation } from 'react-router-dom';
import { portalUrlsOf, useRuntimeConfig } from '../lib/config';
import { useInternalLinkNavigation } from '../lib/use-internal-link-navigation';

function navFor(pathname: string): NavItem[] {
  return [
    { label: 'Discover', href: '/', active: pathname === '/' },
    { label: 'Makers', href: '/makers', active: pathname.startsWith('/makers') },
  ];
}

export function AppLayout() {
  const config = useRuntimeConfig();
  const { pathname } = useLocation();
  useInternalLinkNavigation();
  const urls = portalUrlsOf(config);

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-white px-4 py-2 font-semibold text-ink-950 shadow-lift focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <PortalHeader current="org" urls={urls} nav={navFor(pathname)} />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        <Outlet />
      </main>
      <PortalFooter urls={urls} />
      <ScrollRestoration />
    </div>
  );
}
