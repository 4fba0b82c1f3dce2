import type { BackgroundJob } from '@makrx/service-kit';
import { issueInvoicesForMonth, makerspacesWithSubscriptions } from './invoices';
import { previousMonth, todayIn } from './periods';
import { billingSettingsOf } from './settings';

/** How many invoices one run of the monthly job issues at most; the next run goes on. */
const INVOICES_PER_RUN = 500;

/**
 * Every hour, last month's invoices of each makerspace with ENABLE_AUTOMATED_BILLING on, "last
 * month" in the makerspace's time zone. Each is issued once however many instances run it, and
 * a run stopped half-way is finished by the next (docs/decisions/0016-cave-billing.md).
 */
export const issueMonthlyInvoices: BackgroundJob = {
  name: 'cave.billing.monthly-invoices',
  everyMs: 60 * 60 * 1000,
  run: async (app) => {
    let issued = 0;
    for (const makerspaceId of await makerspacesWithSubscriptions(app.db)) {
      if (!(await app.flags.isOn('ENABLE_AUTOMATED_BILLING', { makerspaceId }))) continue;
      const { timeZone } = await billingSettingsOf(app.db, makerspaceId);
      const run = await issueInvoicesForMonth(app.db, previousMonth(todayIn(timeZone)), {
        makerspaceId,
        limit: INVOICES_PER_RUN - issued,
      });
      issued += run.issued;
    }
    return issued;
  },
};
