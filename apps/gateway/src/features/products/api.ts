import type { ProductPage } from '@makrx/contracts';
import { getJson, useRuntimeConfig } from '@makrx/spa-kit';
import { useQuery } from '@tanstack/react-query';

export const FEATURED_PRODUCT_COUNT = 4;

export function useFeaturedProducts() {
  const { storeApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['products', 'featured'],
    queryFn: ({ signal }) =>
      getJson<ProductPage>(
        storeApiUrl,
        '/api/v1/products',
        { page: 1, pageSize: FEATURED_PRODUCT_COUNT, sort: 'featured' },
        signal,
      ),
  });
}

/** Product images are paths on the store service unless the catalog gives a full URL. */
export function productImageUrl(imageUrl: string, storeApiUrl: string): string {
  return /^https?:\/\//.test(imageUrl) ? imageUrl : `${storeApiUrl}${imageUrl}`;
}

export function productPageUrl(slug: string, storeUrl: string): string {
  return `${storeUrl}/products/${encodeURIComponent(slug)}`;
}
