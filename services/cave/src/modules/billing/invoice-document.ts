import type { MembershipInvoice } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { renderInvoicePdf, type InvoiceDocument } from '@makrx/documents';
import { findMakerspace } from '../makerspaces/service';

const statusLabels = { open: 'Open', paid: 'Paid', void: 'Void' } as const;

/** `200` minutes → `3 h 20 min`: how machine time is counted on the printed invoice. */
const duration = (minutes: number) =>
  minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;

/** A membership invoice as the shared invoice layout prints it, the makerspace as the seller. */
export async function invoiceDocument(
  db: Database,
  invoice: MembershipInvoice,
): Promise<InvoiceDocument> {
  const space = await findMakerspace(db, invoice.makerspace.slug);
  return {
    number: invoice.number,
    issuedOn: invoice.issuedAt.slice(0, 10),
    dueOn: invoice.dueOn,
    period: `${invoice.periodStart} to ${invoice.periodEnd}`,
    status: statusLabels[invoice.status],
    seller: {
      name: invoice.makerspace.name,
      email: `billing@${invoice.makerspace.slug}.makrx.org`,
      address: space ? [space.address] : [],
    },
    buyer: { name: invoice.member.name, email: invoice.member.email, address: [] },
    reference: `${invoice.plan.name} plan`,
    lines: invoice.lines.map((line) => ({
      description: line.description,
      quantity: line.kind === 'usage' ? `${duration(line.quantity)} billed` : '',
      unitPriceCents: line.kind === 'usage' ? line.unitPriceCents : null,
      amountCents: line.amountCents,
    })),
    totals: [
      { label: 'Subtotal', amountCents: invoice.subtotalCents },
      { label: 'Tax', amountCents: invoice.taxCents },
    ],
    totalCents: invoice.totalCents,
    currency: invoice.currency,
    note: 'Machine time is billed per hour beyond the hours the plan includes. No tax is charged on membership invoices.',
  };
}

export const membershipInvoicePdf = async (db: Database, invoice: MembershipInvoice) =>
  renderInvoicePdf(await invoiceDocument(db, invoice));
