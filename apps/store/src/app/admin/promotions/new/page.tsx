import type { Metadata } from 'next';
import { listCategories } from '../../../../features/catalog/api';
import { requireStoreAdminPage } from '../../../../features/catalog-admin/admin-access';
import {
  AdminFrame,
  NotAStoreAdmin,
} from '../../../../features/catalog-admin/components/admin-frame';
import { PromotionForm } from '../../../../features/promotions/components/promotion-form';

export const metadata: Metadata = {
  title: 'New discount code · Store admin',
  robots: { index: false },
};

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function NewPromotionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await requireStoreAdminPage('/admin/promotions/new'))) return <NotAStoreAdmin />;
  const query = await searchParams;
  return (
    <AdminFrame
      title="New discount code"
      current="promotions"
      crumbs={[{ label: 'Discount codes', href: '/admin/promotions' }, { label: 'New' }]}
      problem={single(query.problem)}
    >
      <section className="max-w-3xl rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
        <PromotionForm categories={await listCategories()} />
      </section>
    </AdminFrame>
  );
}
