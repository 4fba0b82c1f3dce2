export type Portal = 'org' | 'cave' | 'store';

/** Origins of the three apps, e.g. `http://localhost:3000`. */
export interface PortalUrls {
  gateway: string;
  cave: string;
  store: string;
}

export interface NavItem {
  label: string;
  href: string;
  active?: boolean;
}

export interface PortalInfo {
  portal: Portal;
  /** The full product name, e.g. "MakrCave". */
  name: string;
  /** The name split so the part after the shared prefix can carry the portal's accent. */
  prefix: string;
  suffix: string;
  summary: string;
  urlKey: keyof PortalUrls;
}

export const portals: readonly PortalInfo[] = [
  {
    portal: 'org',
    name: 'MakrX.org',
    prefix: 'MakrX',
    suffix: '.org',
    summary: 'Maker profiles, community and your way into MakrX.',
    urlKey: 'gateway',
  },
  {
    portal: 'cave',
    name: 'MakrCave',
    prefix: 'Makr',
    suffix: 'Cave',
    summary: 'Makerspaces, machines and fabrication service providers.',
    urlKey: 'cave',
  },
  {
    portal: 'store',
    name: 'MakrX.Store',
    prefix: 'MakrX',
    suffix: '.Store',
    summary: 'Materials, tools, kits and 3D printing on demand.',
    urlKey: 'store',
  },
];

export function portalInfo(portal: Portal): PortalInfo {
  const info = portals.find((candidate) => candidate.portal === portal);
  if (!info) throw new Error(`Unknown portal: ${portal}`);
  return info;
}

export function portalUrl(portal: Portal, urls: PortalUrls): string {
  return urls[portalInfo(portal).urlKey];
}
