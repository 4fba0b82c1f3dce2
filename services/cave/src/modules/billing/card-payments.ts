import { AppError, isErrorCode, type MembershipInvoice } from '@makrx/contracts';
import { recordAuditBy, type Database } from '@makrx/db';
import type { PaymentProvider, PaymentSource, ProviderPayment } from '@makrx/payments';
import { conflict, notFound } from '@makrx/service-kit';
import { and, eq } from 'drizzle-orm';
import { findInvoice, type InvoiceRef } from './invoices';
import type { BillingActor } from './service';
import { membershipInvoices } from './tables';

/** A refused card is the member's to fix: 402 with the provider's reason, nothing charged. */
function refusal(result: Exclude<ProviderPayment, { status: 'succeeded' }>): AppError {
  if (result.status !== 'failed') {
    return new AppError(
      402,
      'PAYMENT_NEEDS_ACTION',
      'This card asks for a confirmation step invoices cannot take. Use another card, or pay at the desk.',
    );
  }
  const ours = result.code.toUpperCase();
  return new AppError(402, isErrorCode(ours) ? ours : 'CARD_DECLINED', result.message, {
    providerCode: result.code,
  });
}

/**
 * A member pays their open invoice by card through the payment provider. The invoice row stays
 * locked while the provider answers, so two requests cannot both charge it: the second finds
 * it paid. The same request again (same idempotency key) is answered with the paid invoice;
 * another key for a paid invoice is 409 INVOICE_NOT_OPEN. The provider gets a key derived from
 * the invoice and ours, so a retried call is not charged twice on its side either.
 */
export async function payInvoiceByCard(
  db: Database,
  ref: InvoiceRef & { ownerId: string },
  payment: { source: PaymentSource; idempotencyKey: string },
  provider: PaymentProvider,
  actor: BillingActor,
): Promise<MembershipInvoice> {
  await db.transaction(async (tx) => {
    const [invoice] = await tx
      .select()
      .from(membershipInvoices)
      .where(
        and(
          eq(membershipInvoices.id, ref.invoiceId),
          eq(membershipInvoices.makerspaceId, ref.makerspaceId),
          eq(membershipInvoices.userId, ref.ownerId),
        ),
      )
      .for('update');
    if (!invoice) throw notFound('Invoice');
    if (invoice.status === 'paid' && invoice.paymentIdempotencyKey === payment.idempotencyKey) {
      return;
    }
    if (invoice.status !== 'open') {
      throw conflict('INVOICE_NOT_OPEN', `This invoice is ${invoice.status}.`, {
        status: invoice.status,
      });
    }
    const result = await provider.charge({
      amountCents: invoice.totalCents,
      currency: invoice.currency,
      source: payment.source,
      idempotencyKey: `invoice-${invoice.id}-${payment.idempotencyKey}`,
      metadata: {
        paymentId: `invoice-${invoice.id}`,
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
      },
    });
    if (result.status !== 'succeeded') throw refusal(result);
    await tx
      .update(membershipInvoices)
      .set({
        status: 'paid',
        paidAt: new Date(),
        paymentMethod: 'card',
        paymentReference: result.providerPaymentId,
        paymentIdempotencyKey: payment.idempotencyKey,
      })
      .where(eq(membershipInvoices.id, invoice.id));
    await recordAuditBy(tx, actor, {
      service: 'cave',
      action: 'billing.invoice.paid-by-card',
      entityType: 'membership_invoice',
      entityId: invoice.id,
      before: { status: 'open' },
      after: { status: 'paid', provider: provider.name, reference: result.providerPaymentId },
    });
  });
  return findInvoice(db, ref);
}
