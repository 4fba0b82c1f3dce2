import type { MakerspaceMember, MembershipPlan, Subscription } from '@makrx/contracts';
import { Button, FormDialog, FormField, inputClasses } from '@makrx/ui';
import { useState } from 'react';
import { useBillingAdmin } from '../api';
import { billingRefusalOf, formatDay } from '../presentation';

/** Today as a calendar day in the makerspace's zone: where a new subscription starts. */
const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

export interface SubscriptionsPanelProps {
  slug: string;
  subscriptions: Subscription[];
  plans: MembershipPlan[];
  members: MakerspaceMember[];
  timeZone: string;
}

/** Who is on which plan since when; an admin puts a member on a plan. */
export function SubscriptionsPanel({
  slug,
  subscriptions,
  plans,
  members,
  timeZone,
}: SubscriptionsPanelProps) {
  const { subscribe } = useBillingAdmin(slug);
  const [open, setOpen] = useState(false);
  const offered = plans.filter((plan) => !plan.archived);
  return (
    <>
      <div className="flex justify-end">
        <Button
          size="sm"
          disabled={offered.length === 0 || members.length === 0}
          onClick={() => {
            subscribe.reset();
            setOpen(true);
          }}
        >
          Subscribe a member
        </Button>
      </div>
      {subscriptions.length === 0 ? (
        <p className="mt-3 rounded-2xl border border-dashed border-ink-300 bg-ink-50 p-5 text-sm text-ink-600">
          Nobody is on a plan yet.
        </p>
      ) : (
        <ul
          aria-label="Subscriptions"
          className="mt-3 divide-y divide-ink-100 rounded-2xl border border-ink-200 bg-white"
        >
          {subscriptions.map((subscription) => (
            <li
              key={subscription.id}
              className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0">
                <p className="font-medium text-ink-950">{subscription.member.name}</p>
                <p className="truncate text-sm text-ink-600">{subscription.member.email}</p>
              </div>
              <p className="text-sm text-ink-700">
                {subscription.plan.name} · since {formatDay(subscription.startsOn)}
                {subscription.endsOn ? ` · until ${formatDay(subscription.endsOn)}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      <FormDialog
        open={open}
        title="Subscribe a member"
        description="Their first invoice covers the days of the month from the start day."
        submitLabel="Subscribe"
        pendingLabel="Subscribing…"
        pending={subscribe.isPending}
        error={subscribe.isError ? billingRefusalOf(subscribe.error) : undefined}
        onCancel={() => setOpen(false)}
        onSubmit={(form) =>
          subscribe.mutate(
            {
              userId: String(form.get('member')),
              planId: String(form.get('plan')),
              startsOn: String(form.get('startsOn')),
            },
            { onSuccess: () => setOpen(false) },
          )
        }
      >
        <FormField label="Member">
          {(field) => (
            <select {...field} name="member" required className={inputClasses}>
              {members.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.displayName} ({member.email})
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Plan">
          {(field) => (
            <select {...field} name="plan" required className={inputClasses}>
              {offered.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="From">
          {(field) => (
            <input
              {...field}
              name="startsOn"
              type="date"
              required
              defaultValue={todayIn(timeZone)}
              className={inputClasses}
            />
          )}
        </FormField>
      </FormDialog>
    </>
  );
}
