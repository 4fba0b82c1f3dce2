import type { ReactNode } from 'react';
import { cx } from './class-names';
import { Container } from './container';
import { SearchIcon } from './icons';
import { MakrXMark, PortalWordmark } from './makrx-logo';
import { PortalMobileMenu } from './portal-mobile-menu';
import { portalInfo, portals, type NavItem, type Portal, type PortalUrls } from './portals';

const portalDotClasses: Record<Portal, string> = {
  org: 'bg-org-400',
  cave: 'bg-cave-400',
  store: 'bg-store-400',
};

function PortalSwitcher({ current, urls }: { current: Portal; urls: PortalUrls }) {
  return (
    <nav aria-label="MakrX portals">
      <ul className="-ml-2 flex items-center gap-1">
        {portals.map((info) => {
          const isCurrent = info.portal === current;
          return (
            <li key={info.portal}>
              <a
                href={urls[info.urlKey]}
                aria-current={isCurrent ? 'true' : undefined}
                className={cx(
                  'flex h-7 items-center gap-1.5 rounded-md px-2 text-xs font-medium transition-colors',
                  isCurrent ? 'bg-white/12 text-white' : 'text-ink-300 hover:text-white',
                )}
              >
                <span
                  aria-hidden="true"
                  className={cx('size-1.5 rounded-full', portalDotClasses[info.portal])}
                />
                {info.name}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function DesktopNav({ nav }: { nav: NavItem[] }) {
  return (
    <nav aria-label="Main" className="hidden md:block">
      <ul className="flex items-center gap-1">
        {nav.map((item) => (
          <li key={item.href}>
            <a
              href={item.href}
              aria-current={item.active ? 'page' : undefined}
              className={cx(
                'relative flex h-10 items-center rounded-lg px-3 text-sm font-medium whitespace-nowrap transition-colors',
                item.active
                  ? 'text-ink-950 after:absolute after:inset-x-3 after:-bottom-[13px] after:h-0.5 after:rounded-full after:bg-accent-600'
                  : 'text-ink-600 hover:bg-ink-100 hover:text-ink-950',
              )}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export interface PortalHeaderProps {
  current: Portal;
  urls: PortalUrls;
  nav?: NavItem[];
  actions?: ReactNode;
  /** The search box (`HeaderSearch`): beside the logo, or at the top of the mobile menu. */
  search?: ReactNode;
  /** The search page the icon leads to where the box has no room; the gateway's by default. */
  searchHref?: string;
  /** The notification bell: beside the account menu, and beside the menu button on phones. */
  notifications?: ReactNode;
  /** Kept in the bar at every width, before the bell (the store's cart with its count). */
  pinned?: ReactNode;
  /** Stands in for the row of portal links (ENABLE_PORTAL_NAVIGATION_V2: `PortalNavigator`). */
  navigator?: ReactNode;
}

export function PortalHeader({
  current,
  urls,
  nav = [],
  actions,
  search,
  searchHref,
  notifications,
  pinned,
  navigator,
}: PortalHeaderProps) {
  const info = portalInfo(current);
  // An admin's nav leaves the search box room only on wide screens, and a nav of six or more
  // only on the widest; an icon stands in till then.
  const boxFrom = nav.length > 5 ? '2xl' : nav.length > 3 ? 'xl' : 'lg';
  return (
    <header className="relative z-40 border-b border-ink-200 bg-white">
      <div className="bg-ink-950">
        <Container className="flex h-9 items-center justify-between gap-4">
          {navigator ?? <PortalSwitcher current={current} urls={urls} />}
          <p className="hidden text-xs text-ink-300 lg:block">
            Dream. Make. Share. — the MakrX maker ecosystem
          </p>
        </Container>
      </div>
      <Container className="flex h-16 items-center gap-2 sm:gap-6">
        <a
          href={urls[info.urlKey]}
          className="-ml-1 flex items-center gap-2.5 rounded-lg p-1 text-lg"
          aria-label={`${info.name} home`}
        >
          <MakrXMark />
          <PortalWordmark portal={current} />
        </a>
        {search ? (
          <div
            className={cx(
              'hidden max-w-72 min-w-40 flex-1',
              { lg: 'lg:block', xl: 'xl:block', '2xl': '2xl:block' }[boxFrom],
            )}
          >
            {search}
          </div>
        ) : null}
        <div className="ml-auto flex items-center gap-1 sm:gap-3">
          {nav.length > 0 ? <DesktopNav nav={nav} /> : null}
          {search ? (
            // Too narrow for the box beside the nav: the search page has one of its own, one
            // tap away on a phone too.
            <a
              href={searchHref ?? `${urls.gateway}/search`}
              className={cx(
                'grid size-10 place-items-center rounded-lg text-lg text-ink-700 hover:bg-ink-100 hover:text-ink-950',
                { lg: 'lg:hidden', xl: 'xl:hidden', '2xl': '2xl:hidden' }[boxFrom],
              )}
            >
              <SearchIcon />
              <span className="sr-only">Search</span>
            </a>
          ) : null}
          {pinned}
          {notifications}
          {actions ? <div className="hidden items-center gap-2 md:flex">{actions}</div> : null}
          <PortalMobileMenu nav={nav} actions={actions} search={search} />
        </div>
      </Container>
    </header>
  );
}
