import './globals.css';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { PortalFooter, PortalHeader, PortalNavigator } from '@makrx/ui';
import { StoreHeaderSearch } from '../features/catalog/components/store-header-search';
import { headerShortcutsWith } from '../features/catalog/header-shortcuts';
import { LiveFlags } from '../features/flags/components/live-flags';
import { navigatorDataFor } from '../features/navigation/navigator-data';
import {
  StoreMaintenanceBanner,
  StoreMaintenanceNotice,
} from '../features/flags/components/store-maintenance';
import { CartLink } from '../features/cart/components/cart-link';
import { serverFlags } from '../features/flags/server-flags';
import { StoreNotificationBell } from '../features/notifications/components/store-notification-bell';
import { TestModeBanner } from '../features/orders/components/test-mode-banner';
import { isStoreAdmin } from '../features/catalog-admin/admin-access';
import { StoreAccountMenu } from '../features/session/components/store-account-menu';
import { currentSession } from '../features/session/current-session';
import { storeConfig } from '../lib/config';
import { ShopChrome } from '../components/shop-chrome';

const siteTitle = 'MakrX.Store — materials, parts and tools for makers';
const siteDescription =
  'Filament, resin, electronics, printer parts, tools and hardware for makers, with full specifications and live stock.';

export async function generateMetadata(): Promise<Metadata> {
  const { portalUrls } = await storeConfig();
  return {
    metadataBase: new URL(portalUrls.store),
    title: { default: siteTitle, template: '%s · MakrX.Store' },
    description: siteDescription,
    applicationName: 'MakrX.Store',
    openGraph: {
      siteName: 'MakrX.Store',
      type: 'website',
      locale: 'en_US',
      title: siteTitle,
      description: siteDescription,
    },
  };
}

export const viewport: Viewport = {
  themeColor: '#020617',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { portalUrls, testMode } = await storeConfig();
  const session = await currentSession();
  const user = session ? { name: session.user.name, email: session.user.email } : null;
  const flags = await serverFlags();
  // MAINTENANCE_MODE (spec 5): the maintenance page for everyone but super admins.
  const maintenance = flags.isOn('MAINTENANCE_MODE');
  const superAdmin = session?.user.roles.includes('super_admin') ?? false;
  const navigator = flags.isOn('ENABLE_PORTAL_NAVIGATION_V2') ? (
    <PortalNavigator
      current="store"
      urls={portalUrls}
      signedIn={await navigatorDataFor(session !== null)}
    />
  ) : undefined;
  return (
    <html lang="en" data-portal="store">
      <body className="flex min-h-dvh flex-col bg-white text-ink-900">
        <a
          href="#main-content"
          className="sr-only rounded-lg bg-white px-4 py-2 text-sm font-semibold text-ink-950 shadow-lift focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50"
        >
          Skip to content
        </a>
        {testMode ? <TestModeBanner /> : null}
        {maintenance && superAdmin ? (
          <StoreMaintenanceBanner gatewayUrl={portalUrls.gateway} />
        ) : null}
        <ShopChrome>
          <PortalHeader
            current="store"
            urls={portalUrls}
            nav={headerShortcutsWith({ marketplace: flags.isOn('ENABLE_SERVICE_MARKETPLACE') })}
            actions={
              <StoreAccountMenu
                user={user}
                storeAdmin={session ? isStoreAdmin(session.user.roles) : false}
              />
            }
            pinned={<CartLink />}
            navigator={navigator}
            notifications={user ? <StoreNotificationBell gatewayUrl={portalUrls.gateway} /> : null}
            // The store's own search (prices, stock); its results link on to all of MakrX.
            search={<StoreHeaderSearch />}
            searchHref="/search"
          />
        </ShopChrome>
        <main id="main-content" className="flex-1">
          {maintenance && !superAdmin ? (
            <StoreMaintenanceNotice signedInAs={session?.user.name} />
          ) : (
            children
          )}
        </main>
        <ShopChrome>
          <PortalFooter
            urls={portalUrls}
            links={[
              { label: 'My orders', href: '/orders' },
              { label: 'Find an order', href: '/orders/find' },
            ]}
          />
        </ShopChrome>
        <LiveFlags rendered={flags.values} />
      </body>
    </html>
  );
}
