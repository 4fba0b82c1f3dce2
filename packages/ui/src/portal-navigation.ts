import { portals, type Portal, type PortalUrls } from './portals';

/*
 * What the portal navigator (ENABLE_PORTAL_NAVIGATION_V2) lists, worked out once for the three
 * apps: the gateway and the cave fetch the data in the browser, the store on its server, and
 * all three hand it to `PortalNavigator` in these shapes.
 */

export type MakerspaceRoleKey = 'makerspace_admin' | 'service_provider' | 'member';

/** One of the signed-in user's makerspaces, as the cave's `GET /api/v1/me/makerspaces` lists it. */
export interface NavigatorMakerspace {
  slug: string;
  name: string;
  roles: readonly MakerspaceRoleKey[];
}

/** One of the signed-in user's store orders, as the store's `GET /api/v1/orders` lists it. */
export interface NavigatorOrder {
  number: string;
  status: string;
  totalCents: number;
  currency: string;
  createdAt: string;
}

export interface NavigatorLink {
  href: string;
  label: string;
  /** A second line: a portal's summary, the user's roles, an order's status and date. */
  detail?: string;
  current?: boolean;
}

export interface NavigatorSection {
  id: 'portals' | 'makerspaces' | 'orders';
  title: string;
  links: NavigatorLink[];
  /** Said instead of links when there are none, with a link to where to start. */
  empty?: { text: string; link: NavigatorLink };
  /** "All orders", "My ecosystem": the section's way to everything. */
  more?: NavigatorLink;
}

const roleLabels: Record<MakerspaceRoleKey, string> = {
  makerspace_admin: 'Admin',
  service_provider: 'Service provider',
  member: 'Member',
};
const roleRank: MakerspaceRoleKey[] = ['makerspace_admin', 'service_provider', 'member'];

/** "Admin · Member": a person's roles in one makerspace, strongest first. */
export function makerspaceRolesText(roles: readonly MakerspaceRoleKey[]): string {
  return roleRank
    .filter((role) => roles.includes(role))
    .map((role) => roleLabels[role])
    .join(' · ');
}

const orderStatusLabels: Record<string, string> = {
  pending_payment: 'Awaiting payment',
  paid: 'Paid',
  in_fulfilment: 'Being packed',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
};

/** An order's status in words a buyer reads ("Being packed"); unknown ones as they are. */
export function orderStatusText(status: string): string {
  return orderStatusLabels[status] ?? status.replaceAll('_', ' ');
}

/** "12 Mar 2026": the day an order was placed, the same on the server and in the browser. */
export function orderDateText(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(iso));
}

export const NAVIGATOR_ORDER_COUNT = 3;
export const NAVIGATOR_MAKERSPACE_COUNT = 5;

export interface NavigatorInput {
  current: Portal;
  urls: PortalUrls;
  /** Undefined for a guest; the user's makerspaces and latest orders once known. */
  signedIn?: { makerspaces?: readonly NavigatorMakerspace[]; orders?: readonly NavigatorOrder[] };
}

/** The navigator's sections: the three portals, then (signed in) makerspaces and recent orders. */
export function navigatorSections({ current, urls, signedIn }: NavigatorInput): NavigatorSection[] {
  const sections: NavigatorSection[] = [
    {
      id: 'portals',
      title: 'MakrX portals',
      links: portals.map((info) => ({
        href: urls[info.urlKey],
        label: info.name,
        detail: info.summary,
        current: info.portal === current,
      })),
      more: signedIn
        ? { href: `${urls.gateway}/account/ecosystem`, label: 'My ecosystem' }
        : undefined,
    },
  ];
  if (!signedIn) return sections;
  if (signedIn.makerspaces) {
    sections.push({
      id: 'makerspaces',
      title: 'Your makerspaces',
      links: signedIn.makerspaces.slice(0, NAVIGATOR_MAKERSPACE_COUNT).map((space) => ({
        href: `${urls.cave}/makerspaces/${encodeURIComponent(space.slug)}`,
        label: space.name,
        detail: makerspaceRolesText(space.roles),
      })),
      empty: {
        text: 'You are not in a makerspace yet.',
        link: { href: urls.cave, label: 'Find a makerspace' },
      },
    });
  }
  if (signedIn.orders) {
    sections.push({
      id: 'orders',
      title: 'Recent orders',
      links: signedIn.orders.slice(0, NAVIGATOR_ORDER_COUNT).map((order) => ({
        href: `${urls.store}/orders/${encodeURIComponent(order.number)}`,
        label: `Order ${order.number}`,
        detail: `${orderStatusText(order.status)} · ${orderDateText(order.createdAt)}`,
      })),
      empty: { text: 'No orders yet.', link: { href: urls.store, label: 'Visit the store' } },
      more:
        signedIn.orders.length > 0
          ? { href: `${urls.store}/orders`, label: 'All orders' }
          : undefined,
    });
  }
  return sections;
}
