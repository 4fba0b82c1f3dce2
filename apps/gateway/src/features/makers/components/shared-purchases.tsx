import { Card, ShoppingBagIcon } from '@makrx/ui';
import { useSharedPurchases } from '../api';
import { purchaseCategoryLabel } from '../presentation';

/**
 * What the maker chose to show of their MakrX.Store purchases: how many orders and in which
 * categories. Nothing at all when they did not choose it, or while it loads or fails: the
 * rest of the profile does not depend on it.
 */
export function SharedPurchases({ handle, firstName }: { handle: string; firstName: string }) {
  const shared = useSharedPurchases(handle);
  const summary = shared.data;
  if (!summary || summary.orders === 0) return null;
  return (
    <Card role="region" aria-labelledby="purchases-heading" className="p-6">
      <div className="flex items-center gap-2">
        <ShoppingBagIcon className="size-5 text-accent-700" aria-hidden />
        <h2 id="purchases-heading" className="text-lg font-semibold text-ink-950">
          Gear from MakrX.Store
        </h2>
      </div>
      <p className="mt-2 text-sm text-ink-700">
        {firstName} shares {summary.orders} {summary.orders === 1 ? 'order' : 'orders'} from the
        store.
      </p>
      <ul className="mt-3 flex flex-wrap gap-2" aria-label="Orders by category">
        {summary.categories.map((category) => (
          <li
            key={category.slug}
            className="rounded-full bg-ink-100 px-3 py-1 text-sm text-ink-800"
          >
            {purchaseCategoryLabel(category.slug)}{' '}
            <span className="font-semibold">{category.orders}</span>
            <span className="sr-only">{category.orders === 1 ? ' order' : ' orders'}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
