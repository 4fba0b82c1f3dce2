import type { Metadata } from 'next';
import { listCategories } from '../../../../features/catalog/api';
import { requireStoreAdminPage } from '../../../../features/catalog-admin/admin-access';
import { categoryChoicesOf } from '../../../../features/catalog-admin/category-choices';
import {
  AdminFrame,
  NotAStoreAdmin,
} from '../../../../features/catalog-admin/components/admin-frame';
import { NewProductForm } from '../../../../features/catalog-admin/components/new-product-form';

export const metadata: Metadata = { title: 'New product · Store admin', robots: { index: false } };

export default async function NewProductPage() {
  if (!(await requireStoreAdminPage('/admin/products/new'))) return <NotAStoreAdmin />;
  const categories = await listCategories();
  return (
    <AdminFrame
      title="New product"
      current="products"
      crumbs={[{ label: 'Products', href: '/admin/products' }, { label: 'New product' }]}
    >
      <NewProductForm categories={categoryChoicesOf(categories)} />
    </AdminFrame>
  );
}
