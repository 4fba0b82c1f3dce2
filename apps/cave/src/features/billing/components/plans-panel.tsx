import type { MembershipPlan } from '@makrx/contracts';
import {
  Badge,
  Button,
  currencyLabel,
  FormDialog,
  FormField,
  inputClasses,
  minorUnitDigits,
} from '@makrx/ui';
import { useState } from 'react';
import { useBillingAdmin } from '../api';
import { billingRefusalOf, planTerms } from '../presentation';

/**
 * The makerspace's plans for its admins: what each costs and includes; add or archive. Prices
 * are in the makerspace's `currency` (its settings), typed in its major unit.
 */
export function PlansPanel({
  slug,
  plans,
  currency,
}: {
  slug: string;
  plans: MembershipPlan[];
  currency: string;
}) {
  const { createPlan, archivePlan } = useBillingAdmin(slug);
  const [creating, setCreating] = useState(false);
  const digits = minorUnitDigits(currency);
  const currencyName = new Intl.DisplayNames(['en'], { type: 'currency' }).of(currency) ?? currency;
  return (
    <>
      <div className="flex justify-end">
        <Button
          size="sm"
          onClick={() => {
            createPlan.reset();
            setCreating(true);
          }}
        >
          New plan
        </Button>
      </div>
      {plans.length === 0 ? (
        <p className="mt-3 rounded-2xl border border-dashed border-ink-300 bg-ink-50 p-5 text-sm text-ink-600">
          No plans yet. Add the first one.
        </p>
      ) : (
        <ul aria-label="Plans" className="mt-3 grid gap-3 sm:grid-cols-2">
          {plans.map((plan) => (
            <li
              key={plan.id}
              className="flex items-start justify-between gap-3 rounded-xl border border-ink-200 bg-white p-4"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-medium text-ink-950">
                  {plan.name}
                  {plan.premium ? <Badge tone="accent">Premium</Badge> : null}
                  {plan.archived ? <Badge>Archived</Badge> : null}
                </p>
                <p className="mt-0.5 text-sm text-ink-600">{planTerms(plan)}</p>
              </div>
              {plan.archived ? null : (
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={archivePlan.isPending}
                  aria-label={`Archive ${plan.name}`}
                  onClick={() => archivePlan.mutate(plan.id)}
                >
                  Archive
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {archivePlan.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {billingRefusalOf(archivePlan.error)}
        </p>
      ) : null}
      <FormDialog
        open={creating}
        title="New plan"
        description={`Prices are in the makerspace’s currency, ${currencyName} (${currency}). Archived plans keep their members but take no new ones.`}
        submitLabel="Add plan"
        pendingLabel="Adding…"
        pending={createPlan.isPending}
        error={createPlan.isError ? billingRefusalOf(createPlan.error) : undefined}
        onCancel={() => setCreating(false)}
        onSubmit={(form) =>
          createPlan.mutate(
            {
              name: String(form.get('name') ?? ''),
              interval: form.get('interval') === 'yearly' ? 'yearly' : 'monthly',
              priceCents: Math.round(Number(form.get('price')) * 10 ** digits),
              includedHours: Number(form.get('hours')),
              discountPercent: Number(form.get('discount') || 0),
              premium: form.get('premium') === 'on',
            },
            { onSuccess: () => setCreating(false) },
          )
        }
      >
        <FormField label="Name">
          {(field) => (
            <input {...field} name="name" required maxLength={80} className={inputClasses} />
          )}
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label="Billed">
            {(field) => (
              <select {...field} name="interval" className={inputClasses}>
                <option value="monthly">Monthly</option>
                <option value="yearly">Yearly</option>
              </select>
            )}
          </FormField>
          <FormField label={`Price (${currencyLabel(currency)})`}>
            {(field) => (
              <input
                {...field}
                name="price"
                type="number"
                required
                min={0}
                step={10 ** -digits}
                className={inputClasses}
              />
            )}
          </FormField>
          <FormField label="Machine hours included">
            {(field) => (
              <input
                {...field}
                name="hours"
                type="number"
                required
                min={0}
                max={10000}
                defaultValue={0}
                className={inputClasses}
              />
            )}
          </FormField>
          <FormField label="Discount on extra hours (%)">
            {(field) => (
              <input
                {...field}
                name="discount"
                type="number"
                min={0}
                max={100}
                defaultValue={0}
                className={inputClasses}
              />
            )}
          </FormField>
        </div>
        <label className="flex items-center gap-2 text-sm text-ink-800">
          <input type="checkbox" name="premium" className="size-4" />
          Premium tier (advanced analytics)
        </label>
      </FormDialog>
    </>
  );
}
