import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Container, formatPrice } from '@makrx/ui';
import { PrintButton } from '../../../../features/orders/components/print-button';
import { ShippingAddress } from '../../../../features/orders/components/shipping-address';
import { findVisibleOrder } from '../../../../features/orders/order-lookup';
import { formatOrderDate, optionsText } from '../../../../features/orders/order-status';

export async function generateMetadata({
  params,
}: {
  params: Promise<{ number: string }>;
}): Promise<Metadata> {
  const { number } = await params;
  return { title: `Invoice for order ${number}`, robots: { index: false } };
}

/** A printable invoice: the page prints without the store's header, footer and buttons. */
export default async function InvoicePage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const visible = await findVisibleOrder(number);
  if (!visible) notFound();
  const { order } = visible;
  const price = (cents: number) => formatPrice(cents, order.currency);
  const paidAt = order.history.find((change) => change.status === 'paid')?.at;

  return (
    <Container className="py-10 print:max-w-none print:p-0">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link
          href={`/orders/${encodeURIComponent(order.number)}`}
          className="text-sm font-medium text-accent-700 underline-offset-4 hover:underline"
        >
          ← Back to the order
        </Link>
        <PrintButton />
      </div>
      <article className="mx-auto max-w-3xl rounded-2xl border border-ink-200 bg-white p-8 sm:p-12 print:border-0 print:p-0">
        <header className="flex flex-wrap items-start justify-between gap-6 border-b border-ink-200 pb-6">
          <div>
            <p className="text-xl font-extrabold tracking-tight text-ink-950">MakrX.Store</p>
            <p className="mt-1 text-sm text-ink-600">Materials, parts and tools for makers</p>
          </div>
          <div className="text-right">
            <h1 className="text-2xl font-bold text-ink-950">Invoice</h1>
            <dl className="mt-2 grid grid-cols-[auto_auto] gap-x-4 gap-y-1 text-sm">
              <dt className="text-ink-600">Order</dt>
              <dd className="font-mono text-ink-950">{order.number}</dd>
              <dt className="text-ink-600">Date</dt>
              <dd className="text-ink-950">{formatOrderDate(order.createdAt)}</dd>
              <dt className="text-ink-600">Status</dt>
              <dd className="text-ink-950">
                {paidAt ? `Paid ${formatOrderDate(paidAt)}` : 'Not paid'}
              </dd>
            </dl>
          </div>
        </header>
        <section className="grid gap-6 border-b border-ink-200 py-6 sm:grid-cols-2">
          <div>
            <h2 className="text-xs font-semibold tracking-wide text-ink-600 uppercase">
              Billed to
            </h2>
            <p className="mt-2 text-sm text-ink-950">{order.email}</p>
          </div>
          <div>
            <h2 className="text-xs font-semibold tracking-wide text-ink-600 uppercase">
              Shipped to
            </h2>
            <div className="mt-2">
              <ShippingAddress address={order.shippingAddress} />
            </div>
          </div>
        </section>
        <table className="mt-6 w-full text-sm">
          <caption className="sr-only">Items of order {order.number}</caption>
          <thead>
            <tr className="border-b border-ink-200 text-left text-xs tracking-wide text-ink-600 uppercase">
              <th scope="col" className="pb-2 font-semibold">
                Item
              </th>
              <th scope="col" className="pb-2 text-right font-semibold">
                Qty
              </th>
              <th scope="col" className="pb-2 text-right font-semibold">
                Unit price
              </th>
              <th scope="col" className="pb-2 text-right font-semibold">
                Amount
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-ink-100">
            {order.lines.map((line) => (
              <tr key={line.variantId}>
                <td className="py-3 pr-4">
                  <p className="font-medium text-ink-950">{line.productName}</p>
                  <p className="text-xs text-ink-600">
                    {line.sku}
                    {Object.keys(line.options).length > 0 ? ` · ${optionsText(line.options)}` : ''}
                  </p>
                </td>
                <td className="py-3 text-right tabular-nums">{line.quantity}</td>
                <td className="py-3 text-right tabular-nums">{price(line.unitPriceCents)}</td>
                <td className="py-3 text-right tabular-nums">{price(line.lineTotalCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="text-ink-700">
            <tr className="border-t border-ink-200">
              <th scope="row" colSpan={3} className="pt-4 text-right font-normal">
                Subtotal
              </th>
              <td className="pt-4 text-right tabular-nums">{price(order.subtotalCents)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3} className="pt-1 text-right font-normal">
                Shipping ({order.shippingMethod.name})
              </th>
              <td className="pt-1 text-right tabular-nums">{price(order.shippingCents)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3} className="pt-1 text-right font-normal">
                Tax ({(order.taxRateBasisPoints / 100).toLocaleString('en-US')}%)
              </th>
              <td className="pt-1 text-right tabular-nums">{price(order.taxCents)}</td>
            </tr>
            <tr className="text-base font-bold text-ink-950">
              <th scope="row" colSpan={3} className="pt-3 text-right">
                Total ({order.currency})
              </th>
              <td className="pt-3 text-right tabular-nums">{price(order.totalCents)}</td>
            </tr>
          </tfoot>
        </table>
      </article>
    </Container>
  );
}
