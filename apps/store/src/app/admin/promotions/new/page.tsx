import type { Metadata } from 'next';
import { listCategories } from '../../../../features/catalog/api';
import { requireStoreAdminPage } from '../../../../features/catalog-admin/admin-access';
import {
  AdminFrame,
  NotAStoreAdmin,
} from '../../../../features/catalog-admin/components/admin-frame';
import { PromotionForm } from '../../../../features/promotions/components/promotion-form';
import { categoryOptions } from '../../../../features/promotions/promotion-form-values';

export const metadata: Metadata = {
  title: 'New discount code · Store admin',
  robots: { index: false },
};

export default async function NewPromotionPage() {
  if (!(await requireStoreAdminPage('/admin/promotions/new'))) return <NotAStoreAdmin />;
  return (
    <AdminFrame
      title="New discount code"
      current="promotions"
      crumbs={[{ label: 'Discount codes', href: '/admin/promotions' }, { label: 'New' }]}
    >
      <section className="max-w-3xl rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
        <PromotionForm categories={categoryOptions(await listCategories())} />
      </section>
    </AdminFrame>
  );
}
