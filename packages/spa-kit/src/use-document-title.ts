import { useEffect } from 'react';
import { siteName, useSite, type Site } from './site';

export function documentTitle(site: Site, title: string | undefined): string {
  const name = siteName(site);
  return title ? `${title} · ${name}` : `${name} — ${site.tagline}`;
}

export function useDocumentTitle(title: string | undefined) {
  const site = useSite();
  useEffect(() => {
    document.title = documentTitle(site, title);
  }, [site, title]);
}
