import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Button } from '@makrx/ui';
import { listCategories } from '../../../../features/catalog/api';
import { requireStoreAdminPage } from '../../../../features/catalog-admin/admin-access';
import {
  AdminFrame,
  NotAStoreAdmin,
} from '../../../../features/catalog-admin/components/admin-frame';
import { setPromotionStatus } from '../../../../features/promotions/actions';
import { readPromotion } from '../../../../features/promotions/api';
import { PromotionForm } from '../../../../features/promotions/components/promotion-form';
import {
  categoryOptions,
  promotionValuesOf,
} from '../../../../features/promotions/promotion-form-values';
import { statusText } from '../../../../features/promotions/promotion-text';
import { ServiceError } from '../../../../lib/service-client';
import { single } from '../../../../lib/search-params';

export const metadata: Metadata = {
  title: 'Discount code · Store admin',
  robots: { index: false },
};

export default async function EditPromotionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  if (!(await requireStoreAdminPage(`/admin/promotions/${id}`))) return <NotAStoreAdmin />;
  const query = await searchParams;
  const promotion = await readPromotion(id).catch((error: unknown) => {
    if (error instanceof ServiceError && (error.status === 404 || error.status === 400)) {
      notFound();
    }
    throw error;
  });
  const archived = promotion.status === 'archived';
  return (
    <AdminFrame
      title={promotion.code}
      current="promotions"
      crumbs={[{ label: 'Discount codes', href: '/admin/promotions' }, { label: promotion.code }]}
      notice={single(query.notice)}
      problem={single(query.problem)}
    >
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <section className="rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
          <PromotionForm
            id={promotion.id}
            saved={promotionValuesOf(promotion)}
            categories={categoryOptions(await listCategories())}
          />
        </section>
        <aside className="self-start rounded-2xl border border-ink-200 bg-white p-5">
          <h2 className="text-lg font-bold text-ink-950">{statusText(promotion)}</h2>
          <p className="mt-2 text-sm text-ink-700">
            Used {promotion.used} {promotion.used === 1 ? 'time' : 'times'}
            {promotion.usageLimit === null ? '' : ` of ${promotion.usageLimit}`}.
          </p>
          <p className="mt-2 text-sm text-ink-600">
            {archived
              ? 'Buyers cannot use an archived code; orders that used it keep their discount.'
              : 'Archiving stops buyers using the code; orders that used it keep their discount.'}
          </p>
          <form action={setPromotionStatus} className="mt-4">
            <input type="hidden" name="id" value={promotion.id} />
            <input type="hidden" name="status" value={archived ? 'active' : 'archived'} />
            <Button type="submit" variant="secondary">
              {archived ? 'Put back in use' : 'Archive code'}
            </Button>
          </form>
        </aside>
      </div>
    </AdminFrame>
  );
}
