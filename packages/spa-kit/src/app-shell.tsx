import { HeaderSearch, PortalFooter, PortalHeader, type NavItem } from '@makrx/ui';
import { lazy, Suspense, type ReactNode } from 'react';
import { Outlet, ScrollRestoration } from 'react-router-dom';
import { useFlag } from './flags';
import { MaintenanceBar, MaintenanceGate } from './maintenance-gate';
import { portalUrlsOf, useRuntimeConfig } from './runtime-config';
import { SessionAccountMenu } from './session/session-account-menu';
import { SessionNotificationBell } from './session/session-notification-bell';
import { useSite } from './site';
import { useInternalLinkNavigation } from './use-internal-link-navigation';

// Only with ENABLE_PORTAL_NAVIGATION_V2 on: its own chunk, outside the first page's budget.
const SessionPortalNavigator = lazy(() =>
  import('./navigation/session-portal-navigator').then((module) => ({
    default: module.SessionPortalNavigator,
  })),
);

/**
 * The frame of every page: skip link, portal header with the app's own nav and the account
 * menu, the page, footer.
 */
export function AppShell({
  nav,
  accountLinks,
  switcher,
}: {
  nav: NavItem[];
  /** Pages of the signed-in user's own, listed in the account menu. */
  accountLinks?: Array<{ href: string; label: string }>;
  /** Kept in the bar at every width: where the user works, e.g. the cave's makerspace switcher. */
  switcher?: ReactNode;
}) {
  const urls = portalUrlsOf(useRuntimeConfig());
  const { portal } = useSite();
  const searchOn = useFlag('ENABLE_UNIFIED_SEARCH', true);
  const navigationV2 = useFlag('ENABLE_PORTAL_NAVIGATION_V2', false);
  useInternalLinkNavigation();

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-white px-4 py-2 font-semibold text-ink-950 shadow-lift focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <MaintenanceBar />
      <PortalHeader
        current={portal}
        urls={urls}
        nav={nav}
        actions={<SessionAccountMenu links={accountLinks} />}
        pinned={switcher}
        navigator={
          navigationV2 ? (
            <Suspense fallback={null}>
              <SessionPortalNavigator current={portal} />
            </Suspense>
          ) : undefined
        }
        notifications={<SessionNotificationBell />}
        search={searchOn ? <HeaderSearch gatewayUrl={urls.gateway} /> : undefined}
      />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        <MaintenanceGate>
          <Outlet />
        </MaintenanceGate>
      </main>
      <PortalFooter urls={urls} />
      <ScrollRestoration />
    </div>
  );
}
