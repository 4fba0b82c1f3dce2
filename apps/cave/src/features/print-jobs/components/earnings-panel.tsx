import type { ProviderEarnings } from '@makrx/contracts';
import { Badge } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../../money';
import { paths } from '../../../paths';
import { statusLabels } from '../presentation';

/** What each accepted job paid, the platform's fee and what the makerspace is owed. */
export function EarningsPanel({ slug, earnings }: { slug: string; earnings: ProviderEarnings }) {
  if (earnings.items.length === 0)
    return (
      <p className="rounded-2xl border border-dashed border-ink-300 bg-ink-50 p-5 text-sm text-ink-600">
        No earnings yet: each job you accept is listed here with its fee and what you are owed.
      </p>
    );
  return (
    <div className="space-y-4">
      <ul aria-label="Totals" className="grid gap-3 sm:grid-cols-3">
        {earnings.totals.map((total) => (
          <li key={total.currency} className="rounded-2xl border border-ink-200 bg-white p-4">
            <p className="text-sm text-ink-600">Owed to you ({total.currency})</p>
            <p className="mt-1 text-2xl font-bold text-ink-950 tabular-nums">
              {formatMoney(total.owed, total.currency)}
            </p>
            <p className="mt-1 text-xs text-ink-500">
              {formatMoney(total.paidTotal, total.currency)} paid ·{' '}
              {formatMoney(total.platformFee, total.currency)} platform fee
            </p>
          </li>
        ))}
      </ul>
      <div className="overflow-x-auto rounded-2xl border border-ink-200 bg-white">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">Earnings per job</caption>
          <thead className="bg-ink-50 text-xs tracking-wide text-ink-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">
                Job
              </th>
              <th scope="col" className="px-4 py-3">
                Status
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                Paid
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                Platform fee
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                Owed
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-ink-100">
            {earnings.items.map((item) => (
              <tr key={item.jobId}>
                <td className="px-4 py-3">
                  <Link
                    to={paths.printJob(slug, item.jobId)}
                    className="font-medium text-ink-950 hover:text-accent-700"
                  >
                    {item.orderNumber}
                  </Link>
                </td>
                <td className="px-4 py-3">
                  <Badge tone={statusLabels[item.status].tone}>
                    {statusLabels[item.status].label}
                  </Badge>
                </td>
                <td className="px-4 py-3 text-right tabular-nums">
                  {formatMoney(item.paidTotal, item.currency)}
                </td>
                <td className="px-4 py-3 text-right tabular-nums">
                  {formatMoney(item.platformFee, item.currency)}{' '}
                  <span className="text-xs text-ink-500">({item.platformFeeBps / 100} %)</span>
                </td>
                <td className="px-4 py-3 text-right font-medium tabular-nums">
                  {formatMoney(item.owed, item.currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
