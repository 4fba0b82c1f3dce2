import type { Invoice } from '@makrx/contracts';
import { renderInvoicePdf, type InvoiceDocument } from '@makrx/documents';

const statusLabels = { paid: 'Paid', refunded: 'Refunded' } as const;

/** An order's invoice as the shared invoice layout prints it. */
export function invoiceDocument(invoice: Invoice): InvoiceDocument {
  const address = invoice.billedTo.address;
  const rate = (invoice.taxRateBasisPoints / 100).toFixed(2).replace(/\.?0+$/, '');
  return {
    number: invoice.invoiceNumber,
    issuedOn: invoice.issuedAt.slice(0, 10),
    status: statusLabels[invoice.status],
    seller: {
      name: invoice.seller.name,
      email: invoice.seller.email,
      address: [invoice.seller.address],
    },
    buyer: {
      name: invoice.billedTo.name,
      email: invoice.billedTo.email,
      address: [
        address.line1,
        ...(address.line2 ? [address.line2] : []),
        [address.city, address.region, address.postalCode].filter(Boolean).join(' '),
        address.country,
      ],
    },
    reference: `Order ${invoice.orderNumber}`,
    lines: invoice.lines.map((line) => ({
      description: `${line.description} (${line.sku})`,
      quantity: String(line.quantity),
      unitPriceCents: line.unitPriceCents,
      amountCents: line.amountCents,
    })),
    totals: [
      { label: 'Subtotal', amountCents: invoice.subtotalCents },
      ...(invoice.discountCode
        ? [{ label: `Discount (${invoice.discountCode})`, amountCents: -invoice.discountCents }]
        : []),
      { label: `Shipping (${invoice.shippingMethod})`, amountCents: invoice.shippingCents },
      { label: `Tax (${rate} %)`, amountCents: invoice.taxCents },
    ],
    totalCents: invoice.totalCents,
    currency: invoice.currency,
  };
}

export const orderInvoicePdf = (invoice: Invoice) => renderInvoicePdf(invoiceDocument(invoice));
