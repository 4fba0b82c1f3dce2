import { describe, expect, it } from 'vitest';
import {
  makerspaceRolesText,
  navigatorSections,
  orderDateText,
  orderStatusText,
} from './portal-navigation';

const urls = {
  gateway: 'https://makrx.org',
  cave: 'https://makrcave.com',
  store: 'https://makrx.store',
};

describe('the portal navigator', () => {
  it('offers a guest the three portals, the current one marked', () => {
    const sections = navigatorSections({ current: 'cave', urls });
    expect(sections.map((section) => section.id)).toEqual(['portals']);
    expect(sections[0]!.links.map((link) => [link.label, link.href, link.current])).toEqual([
      ['MakrX.org', 'https://makrx.org', false],
      ['MakrCave', 'https://makrcave.com', true],
      ['MakrX.Store', 'https://makrx.store', false],
    ]);
    expect(sections[0]!.more).toBeUndefined();
  });

  it('puts a member’s makerspaces and latest orders one click away', () => {
    const sections = navigatorSections({
      current: 'org',
      urls,
      signedIn: {
        makerspaces: [
          { slug: 'bangalore-fab', name: 'Bangalore Fab', roles: ['member', 'makerspace_admin'] },
        ],
        orders: [
          {
            number: 'MX-100004',
            status: 'shipped',
            totalCents: 2599,
            currency: 'USD',
            createdAt: '2026-03-12T10:00:00Z',
          },
        ],
      },
    });
    const [portals, spaces, orders] = sections;
    expect(portals!.more).toEqual({
      href: 'https://makrx.org/account/ecosystem',
      label: 'My ecosystem',
    });
    expect(spaces!.links).toEqual([
      {
        href: 'https://makrcave.com/makerspaces/bangalore-fab',
        label: 'Bangalore Fab',
        detail: 'Admin · Member',
      },
    ]);
    expect(orders!.links).toEqual([
      {
        href: 'https://makrx.store/orders/MX-100004',
        label: 'Order MX-100004',
        detail: 'Shipped · 12 Mar 2026',
      },
    ]);
    expect(orders!.more?.href).toBe('https://makrx.store/orders');
  });

  it('says where to start when there is nothing yet, and leaves out what is still unknown', () => {
    const empty = navigatorSections({
      current: 'org',
      urls,
      signedIn: { makerspaces: [], orders: [] },
    });
    expect(empty[1]!.empty?.link).toEqual({
      href: 'https://makrcave.com',
      label: 'Find a makerspace',
    });
    expect(empty[2]!.empty?.link).toEqual({
      href: 'https://makrx.store',
      label: 'Visit the store',
    });
    expect(empty[2]!.more).toBeUndefined();
    expect(navigatorSections({ current: 'org', urls, signedIn: {} })).toHaveLength(1);
  });

  it('reads roles, statuses and days the same on the server and in the browser', () => {
    expect(makerspaceRolesText(['member', 'service_provider'])).toBe('Service provider · Member');
    expect(orderStatusText('in_fulfilment')).toBe('Being packed');
    expect(orderStatusText('on_hold')).toBe('on hold');
    expect(orderDateText('2026-01-31T23:30:00Z')).toBe('31 Jan 2026');
  });
});
