import type {
  AdminProduct,
  AdminProductPage,
  CatalogImportReport,
  CategoryCreate,
  CategoryUpdate,
  ImageUpdate,
  ProductCreate,
  ProductUpdate,
  StockAdjustment,
  VariantCreate,
  VariantUpdate,
} from '@makrx/contracts';
import { callService, type ServiceRequest } from '../../lib/service-client';

/** A body as read from a form: a number typed unreadably is null, for the service to refuse. */
export type AsTyped<T> = { [K in keyof T]: T[K] | null };

/**
 * The store's catalog admin API (`/api/v1/admin/catalog…`), called with the signed-in admin's
 * token. Uploads and imports can be large, hence the longer wait.
 */
async function callCatalogAdmin<T>(path: string, request: ServiceRequest = {}): Promise<T> {
  const answer = await callService<T>('store', `/admin/catalog${path}`, {
    timeoutMs: 30_000,
    ...request,
  });
  return answer.body;
}

const productPath = (id: string) => `/products/${encodeURIComponent(id)}`;
const variantPath = (sku: string) => `/variants/${encodeURIComponent(sku)}`;
const imagePath = (id: string) => `/images/${encodeURIComponent(id)}`;

/** Products, archived ones included, by name or SKU (`q`). */
export const listAdminProducts = (query: URLSearchParams) =>
  callCatalogAdmin<AdminProductPage>(`/products?${query}`);

export const readAdminProduct = (id: string) => callCatalogAdmin<AdminProduct>(productPath(id));

/**
 * A product with its first variant. The body is the form's values as typed, left for the
 * service to check, so each field it refuses comes back named.
 */
export const createAdminProduct = (body: Record<keyof ProductCreate, unknown>) =>
  callCatalogAdmin<AdminProduct>('/products', { method: 'POST', json: body });

export const updateAdminProduct = (id: string, changes: ProductUpdate) =>
  callCatalogAdmin<AdminProduct>(productPath(id), { method: 'PATCH', json: changes });

export const addAdminVariant = (productId: string, variant: AsTyped<VariantCreate>) =>
  callCatalogAdmin<AdminProduct>(`${productPath(productId)}/variants`, {
    method: 'POST',
    json: variant,
  });

export const updateAdminVariant = (sku: string, changes: AsTyped<VariantUpdate>) =>
  callCatalogAdmin<AdminProduct>(variantPath(sku), { method: 'PATCH', json: changes });

/** Stock changes only with a reason, which the audit log keeps. */
export const adjustVariantStock = (sku: string, adjustment: AsTyped<StockAdjustment>) =>
  callCatalogAdmin<AdminProduct>(`${variantPath(sku)}/stock-adjustments`, {
    method: 'POST',
    json: adjustment,
  });

export const uploadProductImage = (productId: string, image: Blob, alt: string) =>
  callCatalogAdmin<AdminProduct>(
    `${productPath(productId)}/images?alt=${encodeURIComponent(alt)}`,
    // The service judges the type by the bytes; the declared type only has to be one it takes.
    { method: 'POST', raw: { body: image, contentType: 'application/octet-stream' } },
  );

export const updateProductImage = (imageId: string, changes: AsTyped<ImageUpdate>) =>
  callCatalogAdmin<AdminProduct>(imagePath(imageId), { method: 'PATCH', json: changes });

export const deleteProductImage = (imageId: string) =>
  callCatalogAdmin<AdminProduct>(imagePath(imageId), { method: 'DELETE' });

/** A catalog CSV, imported or (`dryRun`) only checked and reported on. */
export const importCatalogCsv = (csv: string, dryRun: boolean) =>
  callCatalogAdmin<CatalogImportReport>(`/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    raw: { body: csv, contentType: 'text/csv' },
  });

export const createAdminCategory = (category: CategoryCreate) =>
  callCatalogAdmin('/categories', { method: 'POST', json: category });

export const updateAdminCategory = (slug: string, changes: CategoryUpdate) =>
  callCatalogAdmin(`/categories/${encodeURIComponent(slug)}`, { method: 'PATCH', json: changes });
