import type { OrderStatus } from '@makrx/contracts';
import { buttonClasses } from '@makrx/ui';
import { inputClasses, labelClasses } from '../../catalog-admin/components/admin-frame';
import { statusLabels } from '../../orders/order-status';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Orders placed between two days as a CSV download: a plain GET form, so it works without
 * JavaScript; the days are UTC calendar days, both included.
 */
export function OrderExportForm({
  from,
  to,
  status,
}: {
  from?: string;
  to?: string;
  status?: string;
}) {
  const today = new Date();
  const monthAgo = new Date(today.getTime() - 29 * 86_400_000);
  return (
    <section
      aria-labelledby="order-export"
      className="mt-6 rounded-2xl border border-ink-200 bg-white p-4 sm:p-5"
    >
      <h2 id="order-export" className="text-base font-bold text-ink-950">
        Export orders as CSV
      </h2>
      <form
        method="get"
        action="/admin/orders/export"
        className="mt-3 grid gap-3 sm:grid-cols-[repeat(3,minmax(0,1fr))_auto] sm:items-end"
      >
        <div>
          <label htmlFor="export-from" className={labelClasses}>
            From
          </label>
          <input
            id="export-from"
            name="from"
            type="date"
            required
            defaultValue={from ?? isoDay(monthAgo)}
            className={`mt-1 ${inputClasses}`}
          />
        </div>
        <div>
          <label htmlFor="export-to" className={labelClasses}>
            To
          </label>
          <input
            id="export-to"
            name="to"
            type="date"
            required
            defaultValue={to ?? isoDay(today)}
            className={`mt-1 ${inputClasses}`}
          />
        </div>
        <div>
          <label htmlFor="export-status" className={labelClasses}>
            Status
          </label>
          <select
            id="export-status"
            name="status"
            defaultValue={status ?? ''}
            className={`mt-1 ${inputClasses}`}
          >
            <option value="">Any status</option>
            {(Object.entries(statusLabels) as [OrderStatus, string][]).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses({ variant: 'secondary' })}>
          Download CSV
        </button>
      </form>
    </section>
  );
}
