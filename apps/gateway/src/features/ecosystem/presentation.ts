import type { Portal, PortalUrls } from '@makrx/ui';

/** The flags that decide what the landing may promise (spec 5); each true only when on. */
export interface LandingFlags {
  makerSpotlight: boolean;
  stlUpload: boolean;
  serviceMarketplace: boolean;
  bomOrdering: boolean;
  realTimeEquipmentStatus: boolean;
}

export type HeroTileKey = 'printing' | 'laser' | 'electronics' | 'community';

export interface HeroTile {
  key: HeroTileKey;
  caption: string;
  href: string;
  /** Whether the link stays in the gateway (a client-side route) or opens another portal. */
  internal: boolean;
}

/**
 * Where each of the hero's picture tiles leads: 3D printing to the store's instant quotes (or,
 * with uploads off, to the makerspaces whose printers can be booked), laser cutting to the
 * makerspace directory, electronics to the store's shelf, community to the makers.
 */
export function heroTiles(urls: PortalUrls, flags: Pick<LandingFlags, 'stlUpload'>): HeroTile[] {
  return [
    {
      key: 'printing',
      caption: '3D printing',
      href: flags.stlUpload ? `${urls.store}/print` : urls.cave,
      internal: false,
    },
    { key: 'laser', caption: 'Laser cutting', href: urls.cave, internal: false },
    {
      key: 'electronics',
      caption: 'Electronics',
      href: `${urls.store}/?category=electronics`,
      internal: false,
    },
    { key: 'community', caption: 'Community', href: '/makers', internal: true },
  ];
}

export interface PortalPitch {
  portal: Portal;
  pitch: string;
  /** Features the portal offers today: each listed only while its flag is on. */
  highlights: string[];
  linkLabel: string;
  href: string;
  internal: boolean;
}

/** A highlight, and the flag it needs (none: always there). */
type Highlight = [text: string, shownWhen?: keyof LandingFlags];

const shown = (flags: LandingFlags, highlights: Highlight[]) =>
  highlights.filter(([, flag]) => flag === undefined || flags[flag]).map(([text]) => text);

/** The three portal cards of the landing; a card names a feature only while its flag is on. */
export function portalPitches(urls: PortalUrls, flags: LandingFlags): PortalPitch[] {
  return [
    {
      portal: 'org',
      pitch: 'The maker hub: profiles that show what you can do, and makers worth following.',
      highlights: shown(flags, [
        ['Maker profiles and skills'],
        ['Featured makers', 'makerSpotlight'],
        ['One account for every portal'],
      ]),
      linkLabel: 'Meet the makers',
      href: '/makers',
      internal: true,
    },
    {
      portal: 'cave',
      pitch: 'Makerspaces and their machines, with opening hours, trainings and hourly booking.',
      highlights: shown(flags, [
        ['Makerspace directory'],
        ['Book machines by the hour'],
        ['Live machine status', 'realTimeEquipmentStatus'],
        ['Project bills of materials', 'bomOrdering'],
        ['Tools for service providers'],
      ]),
      linkLabel: 'Explore MakrCave',
      href: urls.cave,
      internal: false,
    },
    {
      portal: 'store',
      pitch: 'Filament, electronics, tools and kits, with live stock and full specifications.',
      highlights: shown(flags, [
        ['Materials, parts and tools'],
        ['Instant 3D printing quotes', 'stlUpload'],
        ['Print providers near you', 'serviceMarketplace'],
      ]),
      linkLabel: 'Shop MakrX.Store',
      href: urls.store,
      internal: false,
    },
  ];
}
