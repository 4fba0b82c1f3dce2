import type { MetadataRoute } from 'next';
import { listCategories, listProducts } from '../features/catalog/api';
import { catalogHref, productHref } from '../features/catalog/catalog-query';
import { storeConfig } from '../lib/config';

// Built per request: the catalog changes while the store runs.
export const dynamic = 'force-dynamic';

/** Every category and every product on sale, for search engines (`/sitemap.xml`). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { portalUrls } = await storeConfig();
  const absolute = (path: string) => new URL(path, portalUrls.store).href;
  const categories = await listCategories();
  const products = [];
  for (let page = 1; ; page += 1) {
    const batch = await listProducts({ page, pageSize: 100, sort: 'newest' });
    products.push(...batch.items);
    if (page >= batch.totalPages) break;
  }
  return [
    { url: absolute('/'), changeFrequency: 'daily', priority: 1 },
    ...categories.map((category) => ({
      url: absolute(catalogHref({ category: category.slug })),
      changeFrequency: 'daily' as const,
      priority: 0.8,
    })),
    ...products.map((product) => ({
      url: absolute(productHref(product.slug)),
      changeFrequency: 'weekly' as const,
      priority: 0.6,
    })),
  ];
}
