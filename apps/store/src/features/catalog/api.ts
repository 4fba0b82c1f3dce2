import { cache } from 'react';
import type {
  Category,
  Product,
  ProductPage,
  ProductSearchPage,
  ProductSort,
} from '@makrx/contracts';
import { callService, ServiceError, storeMediaUrl } from '../../lib/service-client';

/** The catalog as anyone sees it: read without the visitor's token. */
const readCatalog = async <T>(path: string) =>
  (await callService<T>('store', path, { as: 'anonymous' })).body;

/** Cached per request: a catalog page and its metadata both need the categories. */
export const listCategories = cache(async (): Promise<Category[]> => {
  const { items } = await readCatalog<{ items: Category[] }>('/categories');
  return items;
});

export interface ProductListRequest {
  page: number;
  pageSize: number;
  sort: ProductSort;
  category?: string;
}

export async function listProducts(request: ProductListRequest): Promise<ProductPage> {
  const query = new URLSearchParams({
    page: String(request.page),
    pageSize: String(request.pageSize),
    sort: request.sort,
  });
  if (request.category) query.set('category', request.category);
  const page = await readCatalog<ProductPage>(`/products?${query}`);
  return { ...page, items: page.items.map(withAbsoluteImage) };
}

/**
 * One product, or null when the catalog has no such slug. Cached per request because the
 * page and its metadata both ask for it.
 */
export const findProduct = cache(async (slug: string): Promise<Product | null> => {
  try {
    const product = await readCatalog<Product>(`/products/${encodeURIComponent(slug)}`);
    return {
      ...withAbsoluteImage(product),
      images: product.images.map((image) => ({ ...image, url: storeMediaUrl(image.url) })),
      variants: product.variants.map((variant) => ({
        ...variant,
        imageUrl: variant.imageUrl && storeMediaUrl(variant.imageUrl),
      })),
    };
  } catch (error) {
    if (error instanceof ServiceError && error.status === 404) return null;
    throw error;
  }
});

/** The service sends image paths on itself; the browser fetches them from it directly. */
const withAbsoluteImage = <T extends { imageUrl: string }>(item: T): T => ({
  ...item,
  imageUrl: storeMediaUrl(item.imageUrl),
});

/**
 * The store's product search for this visitor (the service evaluates ENABLE_ADVANCED_SEARCH
 * for them): results, and facets when advanced search is on.
 */
export async function searchProducts(params: URLSearchParams): Promise<ProductSearchPage> {
  const { body: page } = await callService<ProductSearchPage>(
    'store',
    `/products/search?${params}`,
  );
  return { ...page, items: page.items.map(withAbsoluteImage) };
}
