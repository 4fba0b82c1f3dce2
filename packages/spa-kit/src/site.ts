import { portalInfo, type Portal } from '@makrx/ui';
import { createContext, use } from 'react';

/** Which portal an app is, and how it introduces itself on a page without a title of its own. */
export interface Site {
  portal: Portal;
  tagline: string;
}

export const SiteContext = createContext<Site | null>(null);

export function useSite(): Site {
  const site = use(SiteContext);
  if (!site) throw new Error('useSite() needs a SiteContext above it');
  return site;
}

export function siteName(site: Site): string {
  return portalInfo(site.portal).name;
}
