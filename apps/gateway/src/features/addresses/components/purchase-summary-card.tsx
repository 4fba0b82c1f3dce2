import { useRuntimeConfig } from '@makrx/spa-kit';
import { Card, LockIcon, ShoppingBagIcon, Skeleton } from '@makrx/ui';
import { usePurchaseSummary } from '../api';

const categoryLabel = (slug: string) =>
  slug.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());

/** The owner's own view of their store purchases by category; shown to nobody else. */
export function PurchaseSummaryCard() {
  const summary = usePurchaseSummary();
  const { storeUrl } = useRuntimeConfig();
  return (
    <Card className="p-5">
      <div className="flex items-center gap-2">
        <ShoppingBagIcon className="size-5 text-accent-700" aria-hidden />
        <h2 className="text-lg font-semibold text-ink-950">Recent purchases</h2>
      </div>
      <p className="mt-1 flex items-center gap-1.5 text-sm text-ink-600">
        <LockIcon className="size-3.5" aria-hidden />
        Only you see this, unless you choose to show it on your profile.
      </p>
      {summary.isPending ? (
        <Skeleton className="mt-4 h-16 w-full" />
      ) : summary.isError ? (
        <p className="mt-4 text-sm text-ink-700">Your purchases could not be loaded just now.</p>
      ) : summary.data.orders === 0 ? (
        <p className="mt-4 text-sm text-ink-700">
          Orders you pay for at MakrX.Store while signed in show up here.{' '}
          <a href={storeUrl} className="font-medium text-accent-700 hover:underline">
            Browse MakrX.Store
          </a>
        </p>
      ) : (
        <>
          <p className="mt-4 text-sm text-ink-800">
            {summary.data.orders} {summary.data.orders === 1 ? 'order' : 'orders'} at MakrX.Store
          </p>
          <ul className="mt-3 flex flex-wrap gap-2" aria-label="Orders by category">
            {summary.data.categories.map((category) => (
              <li
                key={category.slug}
                className="rounded-full bg-ink-100 px-3 py-1 text-sm text-ink-800"
              >
                {categoryLabel(category.slug)}{' '}
                <span className="font-semibold">{category.orders}</span>
                <span className="sr-only">{category.orders === 1 ? ' order' : ' orders'}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
