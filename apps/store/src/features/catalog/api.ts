import { cache } from 'react';
import type {
  Category,
  ErrorBody,
  Product,
  ProductPage,
  ProductSearchPage,
  ProductSort,
} from '@makrx/contracts';
import { storeConfig } from '../../lib/config';

const requestTimeoutMs = 8000;

/** A failed call to the store service, carrying the service's error code when it sent one. */
export class StoreApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'StoreApiError';
  }
}

async function readErrorBody(response: Response): Promise<ErrorBody['error'] | undefined> {
  try {
    const body = (await response.json()) as Partial<ErrorBody>;
    return body.error;
  } catch {
    return undefined;
  }
}

async function getFromStore<T>(path: string, accessToken?: string): Promise<T> {
  const { storeApiUrl } = await storeConfig();
  const url = `${storeApiUrl}/api/v1${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      cache: 'no-store',
      headers: {
        accept: 'application/json',
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      },
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
  } catch (cause) {
    const message = `The store service at ${storeApiUrl} did not answer`;
    throw new StoreApiError(message, 503, 'UNREACHABLE', { cause });
  }
  if (!response.ok) {
    const error = await readErrorBody(response);
    throw new StoreApiError(
      error?.message ?? `GET ${path} answered ${response.status}`,
      response.status,
      error?.code ?? 'HTTP_ERROR',
    );
  }
  return (await response.json()) as T;
}

/** Cached per request: a catalog page and its metadata both need the categories. */
export const listCategories = cache(async (): Promise<Category[]> => {
  const { items } = await getFromStore<{ items: Category[] }>('/categories');
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
  const page = await getFromStore<ProductPage>(`/products?${query}`);
  const { storeApiUrl } = await storeConfig();
  return { ...page, items: page.items.map((item) => withAbsoluteImage(item, storeApiUrl)) };
}

/**
 * One product, or null when the catalog has no such slug. Cached per request because the
 * page and its metadata both ask for it.
 */
export const findProduct = cache(async (slug: string): Promise<Product | null> => {
  try {
    const product = await getFromStore<Product>(`/products/${encodeURIComponent(slug)}`);
    const { storeApiUrl } = await storeConfig();
    return {
      ...withAbsoluteImage(product, storeApiUrl),
      images: product.images.map((image) => ({
        ...image,
        url: new URL(image.url, `${storeApiUrl}/`).href,
      })),
    };
  } catch (error) {
    if (error instanceof StoreApiError && error.status === 404) return null;
    throw error;
  }
});

/**
 * The service sends image paths on itself (`/media/...`); the browser fetches them from the
 * service directly, so they are made absolute against its public base.
 */
function withAbsoluteImage<T extends { imageUrl: string }>(item: T, storeApiUrl: string): T {
  return { ...item, imageUrl: new URL(item.imageUrl, `${storeApiUrl}/`).href };
}

/**
 * The store's product search for this visitor (the service evaluates ENABLE_ADVANCED_SEARCH
 * for them): results, and facets when advanced search is on.
 */
export async function searchProducts(
  params: URLSearchParams,
  accessToken: string | undefined,
): Promise<ProductSearchPage> {
  const page = await getFromStore<ProductSearchPage>(`/products/search?${params}`, accessToken);
  const { storeApiUrl } = await storeConfig();
  return { ...page, items: page.items.map((item) => withAbsoluteImage(item, storeApiUrl)) };
}
