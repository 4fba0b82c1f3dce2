import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge } from '@makrx/ui';
import type { AdminProduct } from '@makrx/contracts';
import { FormSection } from '../../../../components/form-section';
import { listCategories } from '../../../../features/catalog/api';
import type { SearchParams } from '../../../../features/catalog/catalog-query';
import { requireStoreAdminPage } from '../../../../features/catalog-admin/admin-access';
import { readAdminProduct } from '../../../../features/catalog-admin/api';
import { categoryChoicesOf } from '../../../../features/catalog-admin/category-choices';
import {
  AdminFrame,
  NotAStoreAdmin,
} from '../../../../features/catalog-admin/components/admin-frame';
import { ImageUploadForm } from '../../../../features/catalog-admin/components/image-upload-form';
import { NewVariantForm } from '../../../../features/catalog-admin/components/new-variant-form';
import { ProductDetailsForm } from '../../../../features/catalog-admin/components/product-details-form';
import { ProductImages } from '../../../../features/catalog-admin/components/product-images';
import { VariantEditor } from '../../../../features/catalog-admin/components/variant-editor';
import { ServiceError, storeMediaUrl } from '../../../../lib/service-client';
import { single } from '../../../../lib/search-params';

export const metadata: Metadata = { title: 'Edit product · Store admin', robots: { index: false } };

async function loadProduct(id: string): Promise<AdminProduct> {
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  try {
    return await readAdminProduct(id);
  } catch (error) {
    if (error instanceof ServiceError && error.status === 404) notFound();
    throw error;
  }
}

/** The product editor: each part is its own form, saved on its own, refused beside its fields. */
export default async function EditProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const query = await searchParams;
  if (!(await requireStoreAdminPage(`/admin/products/${id}`))) return <NotAStoreAdmin />;
  const [product, categories] = await Promise.all([loadProduct(id), listCategories()]);
  const images = product.images.map((image) => ({ ...image, url: storeMediaUrl(image.url) }));

  return (
    <AdminFrame
      title={product.name}
      current="products"
      crumbs={[{ label: 'Products', href: '/admin/products' }, { label: product.name }]}
      notice={single(query.notice)}
    >
      <div className="mb-6 flex flex-wrap items-center gap-3 text-sm">
        {product.archived ? (
          <Badge tone="neutral">Archived</Badge>
        ) : (
          <>
            <Badge tone="success">On sale</Badge>
            <Link
              href={`/products/${product.slug}`}
              className="font-semibold text-accent-700 underline-offset-4 hover:underline"
            >
              View in the shop
            </Link>
          </>
        )}
        <span className="font-mono text-ink-500">{product.slug}</span>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <FormSection id="details-title" title="Details">
          <ProductDetailsForm product={product} categories={categoryChoicesOf(categories)} />
        </FormSection>
        <FormSection id="images-title" title="Images">
          <ProductImages productId={product.id} images={images} />
          <ImageUploadForm productId={product.id} />
        </FormSection>
      </div>

      <FormSection id="variants-title" title="Variants and stock" className="mt-6">
        <ul className="space-y-4">
          {product.variants.map((variant) => (
            <li
              key={variant.id}
              data-variant={variant.sku}
              className="rounded-xl border border-ink-200 p-4"
            >
              <VariantEditor productId={product.id} variant={variant} currency={product.currency} />
            </li>
          ))}
        </ul>
        <div className="border-t border-ink-200 pt-5">
          <NewVariantForm productId={product.id} currency={product.currency} />
        </div>
      </FormSection>
    </AdminFrame>
  );
}
