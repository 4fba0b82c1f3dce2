import type { Metadata } from 'next';
import type { InputHTMLAttributes } from 'react';
import { Button, EmptyState, formatPrice } from '@makrx/ui';
import type { SearchParams } from '../../../features/catalog/catalog-query';
import { requireStoreAdminPage } from '../../../features/catalog-admin/admin-access';
import {
  AdminFrame,
  inputClasses,
  labelClasses,
  NotAStoreAdmin,
} from '../../../features/catalog-admin/components/admin-frame';
import {
  changePurchasingAccount,
  openPurchasingAccount,
} from '../../../features/purchasing-accounts/actions';
import { listPurchasingAccounts } from '../../../features/purchasing-accounts/api';
import { single } from '../../../lib/search-params';

export const metadata: Metadata = {
  title: 'Purchasing accounts · Store admin',
  robots: { index: false },
};

/** The store prices in US dollars; limits are kept in cents. */
const CURRENCY = 'USD';

function Field({
  id,
  label,
  hint,
  ...input
}: { id: string; label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div>
      <label htmlFor={id} className={labelClasses}>
        {label}
      </label>
      <input
        id={id}
        {...input}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={`mt-1.5 ${inputClasses}`}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1.5 text-xs text-ink-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export default async function PurchasingAccountsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  if (!(await requireStoreAdminPage('/admin/purchasing-accounts'))) return <NotAStoreAdmin />;
  const query = await searchParams;
  const accounts = await listPurchasingAccounts();

  return (
    <AdminFrame
      title="Purchasing accounts"
      current="accounts"
      notice={single(query.notice)}
      problem={single(query.problem)}
    >
      <div className="grid gap-8 lg:grid-cols-[1.4fr_1fr]">
        <section aria-labelledby="accounts-title">
          <h2 id="accounts-title" className="text-lg font-bold text-ink-950">
            Makerspaces ordering on account
          </h2>
          <p className="mt-1 text-sm text-ink-600">
            Their admins order BOM items from MakrCave; each order is billed by invoice, up to the
            monthly limit.
          </p>
          {accounts.length === 0 ? (
            <EmptyState
              className="mt-6"
              titleAs="h3"
              title="No purchasing accounts yet"
              description="Open one for a makerspace with the form, and its admins can order from their BOMs on invoice."
            />
          ) : (
            <ul className="mt-4 space-y-4">
              {accounts.map((account) => (
                <li key={account.id} className="rounded-2xl border border-ink-200 bg-white p-5">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <h3 className="font-semibold text-ink-950">{account.name}</h3>
                      <p className="text-sm wrap-anywhere text-ink-600">{account.billingEmail}</p>
                      <p className="mt-0.5 font-mono text-xs wrap-anywhere text-ink-500">
                        Makerspace {account.makerspaceId}
                      </p>
                    </div>
                    <p
                      className={
                        account.active
                          ? 'rounded-full bg-emerald-50 px-2.5 py-0.5 text-xs font-semibold text-emerald-800'
                          : 'rounded-full bg-ink-100 px-2.5 py-0.5 text-xs font-semibold text-ink-700'
                      }
                    >
                      {account.active ? 'Active' : 'Closed'}
                    </p>
                  </div>
                  <p className="mt-3 text-sm text-ink-800">
                    {formatPrice(account.spentThisMonthCents, CURRENCY)} of{' '}
                    {formatPrice(account.monthlyLimitCents, CURRENCY)} ordered this month
                  </p>
                  <form
                    action={changePurchasingAccount}
                    className="mt-4 flex flex-wrap items-end gap-3"
                  >
                    <input type="hidden" name="id" value={account.id} />
                    <input type="hidden" name="name" value={account.name} />
                    <div className="w-40">
                      <label
                        htmlFor={`limit-${account.id}`}
                        className="text-xs font-medium text-ink-700"
                      >
                        Monthly limit ({CURRENCY})
                      </label>
                      <input
                        id={`limit-${account.id}`}
                        name="monthlyLimit"
                        type="number"
                        min={0}
                        step="0.01"
                        required
                        defaultValue={(account.monthlyLimitCents / 100).toFixed(2)}
                        className={`mt-1 ${inputClasses}`}
                      />
                    </div>
                    <label className="flex h-10 items-center gap-2 text-sm text-ink-800">
                      <input
                        type="checkbox"
                        name="active"
                        defaultChecked={account.active}
                        className="size-4 rounded border-ink-300"
                      />
                      May order
                    </label>
                    <Button type="submit" variant="secondary" size="sm">
                      Save<span className="sr-only"> {account.name}</span>
                    </Button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section
          aria-labelledby="new-account-title"
          className="self-start rounded-2xl border border-ink-200 bg-white p-5 sm:p-6"
        >
          <h2 id="new-account-title" className="text-lg font-bold text-ink-950">
            Open an account
          </h2>
          <form action={openPurchasingAccount} className="mt-4 space-y-4">
            <Field
              id="account-makerspace"
              name="makerspaceId"
              label="Makerspace id"
              required
              hint="The makerspace's id in MakrCave."
              className="font-mono"
            />
            <Field id="account-name" name="name" label="Name on invoices" required />
            <Field
              id="account-email"
              name="billingEmail"
              type="email"
              label="Billing email"
              required
            />
            <Field id="account-line1" name="line1" label="Street address" required />
            <div className="grid grid-cols-2 gap-3">
              <Field id="account-city" name="city" label="City" required />
              <Field id="account-postal" name="postalCode" label="Postal code" required />
              <Field id="account-region" name="region" label="Region (optional)" />
              <Field
                id="account-country"
                name="country"
                label="Country"
                required
                maxLength={2}
                hint="Two letters, e.g. IN."
              />
            </div>
            <Field
              id="account-limit"
              name="monthlyLimit"
              type="number"
              min={0}
              step="0.01"
              label={`Monthly limit (${CURRENCY})`}
              required
            />
            <Button type="submit">Open account</Button>
          </form>
        </section>
      </div>
    </AdminFrame>
  );
}
