import Link from 'next/link';
import type { OrderSummary } from '@makrx/contracts';
import { formatPrice } from '@makrx/ui';
import { OrderStatusBadge } from '../../orders/components/order-status-badge';
import { formatOrderDate } from '../../orders/order-status';

const headCell = 'px-4 py-3 font-semibold';

/**
 * Orders as store admins list them, each number leading to its admin page: the orders page
 * with a buyer column, a customer's page with the email only where it differs from theirs.
 */
export function AdminOrdersTable({
  orders,
  caption,
  buyer,
}: {
  orders: OrderSummary[];
  caption: string;
  /** `column`: every buyer's email in its own column; otherwise under the number when it differs. */
  buyer: { column: true } | { column: false; email: string };
}) {
  return (
    <div className="overflow-x-auto rounded-2xl border border-ink-200 bg-white">
      <table className={`w-full text-sm ${buyer.column ? 'min-w-[40rem]' : 'min-w-[36rem]'}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-ink-50 text-left text-xs tracking-wide text-ink-600 uppercase">
          <tr>
            <th scope="col" className={headCell}>
              Order
            </th>
            <th scope="col" className={headCell}>
              Placed
            </th>
            {buyer.column ? (
              <th scope="col" className={headCell}>
                Buyer
              </th>
            ) : null}
            <th scope="col" className={`${headCell} text-right`}>
              Items
            </th>
            <th scope="col" className={`${headCell} text-right`}>
              Total
            </th>
            <th scope="col" className={headCell}>
              Status
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-ink-100">
          {orders.map((order) => (
            <tr key={order.id} className="hover:bg-ink-50/60">
              <th scope="row" className="px-4 py-3 text-left">
                <Link
                  href={`/admin/orders/${order.id}`}
                  className="font-mono font-semibold text-accent-700 underline-offset-4 hover:underline"
                >
                  {order.number}
                </Link>
                {!buyer.column && order.email !== buyer.email ? (
                  <span className="block text-xs text-ink-600">{order.email}</span>
                ) : null}
              </th>
              <td className="px-4 py-3 text-ink-700">
                <time dateTime={order.createdAt}>{formatOrderDate(order.createdAt, true)}</time>
              </td>
              {buyer.column ? <td className="px-4 py-3 text-ink-900">{order.email}</td> : null}
              <td className="px-4 py-3 text-right tabular-nums">{order.itemCount}</td>
              <td className="px-4 py-3 text-right font-semibold tabular-nums">
                {formatPrice(order.totalCents, order.currency)}
              </td>
              <td className="px-4 py-3">
                <OrderStatusBadge status={order.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
