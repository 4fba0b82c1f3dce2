import type { MetadataRoute } from 'next';
import { storeConfig } from '../lib/config';

export const dynamic = 'force-dynamic';

/** Crawl the shop; keep out of carts, checkout, orders, accounts and the admin pages. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const { portalUrls } = await storeConfig();
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: ['/admin', '/cart', '/checkout', '/orders', '/auth', '/api', '/search'],
    },
    sitemap: new URL('/sitemap.xml', portalUrls.store).href,
  };
}
