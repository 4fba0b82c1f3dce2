import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses, cx, EmptyState } from '@makrx/ui';
import { requireStoreAdminPage } from '../../../features/catalog-admin/admin-access';
import { AdminFrame, NotAStoreAdmin } from '../../../features/catalog-admin/components/admin-frame';
import { listPromotions } from '../../../features/promotions/api';
import { offerText, statusText, validityText } from '../../../features/promotions/promotion-text';
import { single } from '../../../lib/search-params';

export const metadata: Metadata = {
  title: 'Discount codes · Store admin',
  robots: { index: false },
};

const statusTone: Record<string, string> = {
  Active: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  Scheduled: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  Archived: 'bg-ink-100 text-ink-700 ring-ink-500/20',
  Expired: 'bg-ink-100 text-ink-700 ring-ink-500/20',
  'Used up': 'bg-amber-50 text-amber-900 ring-amber-600/20',
};

export default async function AdminPromotionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await requireStoreAdminPage('/admin/promotions'))) return <NotAStoreAdmin />;
  const query = await searchParams;
  const promotions = await listPromotions();
  return (
    <AdminFrame
      title="Discount codes"
      current="promotions"
      notice={single(query.notice)}
      problem={single(query.problem)}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-ink-600">
          Buyers enter a code in the cart or at checkout; each use is counted when the order is
          placed and given back if it is cancelled or expires unpaid.
        </p>
        <Link href="/admin/promotions/new" className={buttonClasses({})}>
          New discount code
        </Link>
      </div>
      {promotions.length === 0 ? (
        <EmptyState
          className="mt-6"
          title="No discount codes yet"
          description="Create one to offer a percentage or an amount off, for everything or for some categories."
        />
      ) : (
        <ul
          aria-label="Discount codes"
          className="mt-6 divide-y divide-ink-100 rounded-2xl border border-ink-200 bg-white"
        >
          {promotions.map((promotion) => {
            const status = statusText(promotion);
            return (
              <li
                key={promotion.id}
                className="grid grid-cols-[1fr_auto] items-center gap-x-4 gap-y-1 px-5 py-4 sm:grid-cols-[minmax(10rem,1.2fr)_1fr_1fr_1.3fr_auto]"
              >
                <div className="min-w-0">
                  <Link
                    href={`/admin/promotions/${promotion.id}`}
                    className="font-mono font-semibold break-all text-accent-800 underline-offset-4 hover:underline"
                  >
                    {promotion.code}
                  </Link>
                  {promotion.categories.length > 0 ? (
                    <p className="text-xs text-ink-600">
                      {promotion.categories.map((c) => c.name).join(', ')}
                    </p>
                  ) : null}
                </div>
                <span
                  className={cx(
                    'justify-self-end rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset sm:order-last',
                    statusTone[status],
                  )}
                >
                  {status}
                </span>
                <p className="text-sm text-ink-900">
                  {offerText(promotion)}
                  {promotion.minSubtotalCents > 0 ? (
                    <span className="block text-xs text-ink-600">
                      over{' '}
                      {offerText({
                        ...promotion,
                        kind: 'fixed',
                        value: promotion.minSubtotalCents,
                      }).replace(' off', '')}
                    </span>
                  ) : null}
                </p>
                <p className="text-sm text-ink-700 tabular-nums">
                  {promotion.used} / {promotion.usageLimit ?? '∞'}{' '}
                  <span className="text-ink-500">used</span>
                </p>
                <p className="col-span-2 text-sm text-ink-700 sm:col-span-1">
                  {validityText(promotion)}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </AdminFrame>
  );
}
