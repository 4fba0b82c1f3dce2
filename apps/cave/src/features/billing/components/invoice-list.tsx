import type { MembershipInvoice } from '@makrx/contracts';
import { Badge, Button, ConfirmDialog, FormDialog, FormField, inputClasses } from '@makrx/ui';
import { useState } from 'react';
import { useBillingAdmin, useInvoicePdf } from '../api';
import {
  billingRefusalOf,
  formatDay,
  formatMoney,
  formatPeriod,
  invoiceStatusDisplay,
} from '../presentation';

const paymentMethods = [
  ['cash', 'Cash'],
  ['upi', 'UPI'],
  ['bank_transfer', 'Bank transfer'],
  ['card_terminal', 'Card terminal'],
] as const;

export interface InvoiceListProps {
  slug: string;
  invoices: MembershipInvoice[];
  /** Admins see whose invoice it is and settle or void open ones. */
  canManage: boolean;
}

/** Invoices, newest first: number, period, total and status, with their PDF. */
export function InvoiceList({ slug, invoices, canManage }: InvoiceListProps) {
  const pdf = useInvoicePdf(slug);
  const { recordPayment, voidInvoice } = useBillingAdmin(slug);
  const [paying, setPaying] = useState<MembershipInvoice | null>(null);
  const [voiding, setVoiding] = useState<MembershipInvoice | null>(null);
  return (
    <>
      <ul
        aria-label="Invoices"
        className="divide-y divide-ink-100 rounded-2xl border border-ink-200 bg-white"
      >
        {invoices.map((invoice) => {
          const status = invoiceStatusDisplay[invoice.status];
          return (
            <li
              key={invoice.id}
              className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-medium text-ink-950">
                  {invoice.number}
                  <Badge tone={status.tone}>{status.label}</Badge>
                </p>
                <p className="mt-0.5 text-sm text-ink-600">
                  {formatPeriod(invoice.periodStart, invoice.periodEnd)} · {invoice.plan.name}
                  {canManage ? ` · ${invoice.member.name}` : ''}
                </p>
                <p className="mt-0.5 text-xs text-ink-500">
                  {invoice.status === 'paid' && invoice.payment
                    ? `Paid ${formatDay(invoice.payment.paidAt.slice(0, 10))}`
                    : invoice.status === 'open'
                      ? `Due ${formatDay(invoice.dueOn)}`
                      : 'Voided'}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-2 sm:justify-end">
                <p className="mr-2 text-base font-semibold tabular-nums text-ink-950">
                  {formatMoney(invoice.totalCents, invoice.currency)}
                </p>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={pdf.isPending}
                  aria-label={`Download PDF of ${invoice.number}`}
                  onClick={() => pdf.mutate(invoice)}
                >
                  Download PDF
                </Button>
                {canManage && invoice.status === 'open' ? (
                  <>
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`Record payment of ${invoice.number}`}
                      onClick={() => {
                        recordPayment.reset();
                        setPaying(invoice);
                      }}
                    >
                      Record payment
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Void ${invoice.number}`}
                      onClick={() => {
                        voidInvoice.reset();
                        setVoiding(invoice);
                      }}
                    >
                      Void
                    </Button>
                  </>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {pdf.isError ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {pdf.error.message}
        </p>
      ) : null}
      <FormDialog
        open={paying !== null}
        title={paying ? `Record payment of ${paying.number}` : 'Record payment'}
        description={
          paying
            ? `${paying.member.name} paid ${formatMoney(paying.totalCents, paying.currency)} at the desk.`
            : undefined
        }
        submitLabel="Record payment"
        pendingLabel="Recording…"
        pending={recordPayment.isPending}
        error={recordPayment.isError ? billingRefusalOf(recordPayment.error) : undefined}
        onCancel={() => setPaying(null)}
        onSubmit={(form) =>
          paying &&
          recordPayment.mutate(
            {
              invoiceId: paying.id,
              method: String(form.get('method')) as (typeof paymentMethods)[number][0],
              reference: String(form.get('reference') ?? ''),
            },
            { onSuccess: () => setPaying(null) },
          )
        }
      >
        <FormField label="Paid by">
          {(field) => (
            <select {...field} name="method" className={inputClasses}>
              {paymentMethods.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Reference" hint="The receipt or transaction number, to find it again.">
          {(field) => (
            <input {...field} name="reference" required maxLength={120} className={inputClasses} />
          )}
        </FormField>
      </FormDialog>
      <ConfirmDialog
        open={voiding !== null}
        title={voiding ? `Void ${voiding.number}?` : 'Void this invoice?'}
        confirmLabel="Void invoice"
        pendingLabel="Voiding…"
        tone="danger"
        pending={voidInvoice.isPending}
        error={voidInvoice.isError ? billingRefusalOf(voidInvoice.error) : undefined}
        onCancel={() => setVoiding(null)}
        onConfirm={() =>
          voiding && voidInvoice.mutate(voiding.id, { onSuccess: () => setVoiding(null) })
        }
      >
        A voided invoice stays on record but is no longer owed. Only void one issued in error.
      </ConfirmDialog>
    </>
  );
}
