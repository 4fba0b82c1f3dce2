import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Container, EmptyState, buttonClasses, formatPrice } from '@makrx/ui';
import { ServiceError } from '../../../../lib/service-client';
import { readInvoice } from '../../../../features/orders/api';
import { PrintButton } from '../../../../features/orders/components/print-button';
import { ShippingAddress } from '../../../../features/orders/components/shipping-address';
import { findVisibleOrder, linkTokenQuery } from '../../../../features/orders/order-lookup';
import { formatOrderDate } from '../../../../features/orders/order-status';

interface InvoicePageProps {
  params: Promise<{ number: string }>;
  searchParams: Promise<{ token?: string }>;
}

export async function generateMetadata({ params }: InvoicePageProps): Promise<Metadata> {
  const { number } = await params;
  return { title: `Invoice for order ${number}`, robots: { index: false } };
}

/** A printable invoice: it prints without the store's header, footer and buttons. */
export default async function InvoicePage({ params, searchParams }: InvoicePageProps) {
  const { number } = await params;
  const { token } = await searchParams;
  const visible = await findVisibleOrder(number, token);
  if (!visible) notFound();
  const orderHref = `/orders/${encodeURIComponent(visible.order.number)}${linkTokenQuery(token)}`;
  let invoice;
  try {
    invoice = await readInvoice(visible.order.id, visible.token);
  } catch (error) {
    // An order not paid yet has no invoice (409).
    if (!(error instanceof ServiceError) || error.status !== 409) throw error;
    return (
      <Container className="py-16">
        <EmptyState
          titleAs="h1"
          title="No invoice yet"
          description={`Order ${visible.order.number} gets its invoice once it is paid.`}
          action={
            <Link href={orderHref} className={buttonClasses({ size: 'lg' })}>
              Back to the order
            </Link>
          }
        />
      </Container>
    );
  }
  const price = (cents: number) => formatPrice(cents, invoice.currency);

  return (
    <Container className="py-10 print:max-w-none print:p-0">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link
          href={orderHref}
          className="text-sm font-medium text-accent-700 underline-offset-4 hover:underline"
        >
          ← Back to the order
        </Link>
        <PrintButton />
      </div>
      <article className="mx-auto max-w-3xl rounded-2xl border border-ink-200 bg-white p-6 sm:p-12 print:border-0 print:p-0">
        <header className="flex flex-wrap items-start justify-between gap-6 border-b border-ink-200 pb-6">
          <div>
            <p className="text-xl font-extrabold tracking-tight text-ink-950">
              {invoice.seller.name}
            </p>
            <p className="mt-1 text-sm whitespace-pre-line text-ink-600">
              {invoice.seller.address}
            </p>
            <p className="text-sm text-ink-600">{invoice.seller.email}</p>
          </div>
          <div className="sm:text-right">
            <h1 className="text-2xl font-bold text-ink-950">Invoice</h1>
            <dl className="mt-2 grid grid-cols-[auto_auto] gap-x-4 gap-y-1 text-sm">
              <dt className="text-ink-600">Invoice</dt>
              <dd className="font-mono text-ink-950">{invoice.invoiceNumber}</dd>
              <dt className="text-ink-600">Order</dt>
              <dd className="font-mono text-ink-950">{invoice.orderNumber}</dd>
              <dt className="text-ink-600">Issued</dt>
              <dd className="text-ink-950">{formatOrderDate(invoice.issuedAt)}</dd>
              <dt className="text-ink-600">Status</dt>
              <dd className="font-semibold text-ink-950">
                {invoice.status === 'paid' ? 'Paid' : 'Refunded'}
              </dd>
            </dl>
          </div>
        </header>
        <section className="border-b border-ink-200 py-6">
          <h2 className="text-xs font-semibold tracking-wide text-ink-600 uppercase">Billed to</h2>
          <p className="mt-2 text-sm text-ink-950">{invoice.billedTo.email}</p>
          <div className="mt-1">
            <ShippingAddress address={invoice.billedTo.address} />
          </div>
        </section>
        <div className="overflow-x-auto">
          <table className="mt-6 w-full text-sm">
            <caption className="sr-only">Items of invoice {invoice.invoiceNumber}</caption>
            <thead>
              <tr className="border-b border-ink-200 text-left text-xs tracking-wide text-ink-600 uppercase">
                <th scope="col" className="pb-2 font-semibold">
                  Item
                </th>
                <th scope="col" className="pb-2 text-right font-semibold">
                  Qty
                </th>
                <th scope="col" className="hidden pb-2 pl-4 text-right font-semibold sm:table-cell">
                  Unit price
                </th>
                <th scope="col" className="pb-2 pl-4 text-right font-semibold">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {invoice.lines.map((line) => (
                <tr key={line.sku}>
                  <td className="py-3 pr-4">
                    <p className="font-medium text-ink-950">{line.description}</p>
                    <p className="font-mono text-xs text-ink-600">{line.sku}</p>
                  </td>
                  <td className="py-3 text-right tabular-nums">{line.quantity}</td>
                  <td className="hidden py-3 text-right tabular-nums sm:table-cell">
                    {price(line.unitPriceCents)}
                  </td>
                  <td className="py-3 pl-4 text-right tabular-nums">{price(line.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="mt-4 ml-auto grid max-w-xs grid-cols-[1fr_auto] gap-x-6 gap-y-1 border-t border-ink-200 pt-4 text-sm text-ink-700">
          <dt>Subtotal</dt>
          <dd className="text-right tabular-nums">{price(invoice.subtotalCents)}</dd>
          {invoice.discountCode ? (
            <>
              <dt>Discount ({invoice.discountCode})</dt>
              <dd className="text-right tabular-nums">−{price(invoice.discountCents)}</dd>
            </>
          ) : null}
          <dt>Shipping ({invoice.shippingMethod})</dt>
          <dd className="text-right tabular-nums">{price(invoice.shippingCents)}</dd>
          <dt>Tax ({(invoice.taxRateBasisPoints / 100).toLocaleString('en-US')}%)</dt>
          <dd className="text-right tabular-nums">{price(invoice.taxCents)}</dd>
          <dt className="pt-2 text-base font-bold text-ink-950">Total ({invoice.currency})</dt>
          <dd className="pt-2 text-right text-base font-bold text-ink-950 tabular-nums">
            {price(invoice.totalCents)}
          </dd>
        </dl>
      </article>
    </Container>
  );
}
