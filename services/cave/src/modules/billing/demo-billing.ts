import { seedOnce, type Database } from '@makrx/db';
import { makerspaceIdsBySlug } from '../makerspaces/service';
import { listMembers } from '../memberships/service';
import { issueInvoicesForMonth } from './invoices';
import { addMonths, previousMonth, todayIn } from './periods';
import { billingSettings, membershipPlans, membershipSubscriptions } from './tables';

/** MakrX Hub Bengaluru's plans, in paise. */
const hubPlans = [
  {
    name: 'Hobbyist',
    interval: 'monthly',
    priceCents: 150_000,
    includedHours: 5,
    discountPercent: 0,
    premium: false,
  },
  {
    name: 'Maker',
    interval: 'monthly',
    priceCents: 350_000,
    includedHours: 15,
    discountPercent: 10,
    premium: false,
  },
  {
    name: 'Pro',
    interval: 'yearly',
    priceCents: 3_600_000,
    includedHours: 240,
    discountPercent: 20,
    premium: true,
  },
] as const;

/** Which plan the n-th member is on: most makers, then hobbyists, then the odd pro. */
const planOfMember = (index: number) => (['Maker', 'Hobbyist', 'Pro'] as const)[index % 3]!;

/**
 * The hub's billing: invoice numbers MXH-<year>-…, its plans, a plan for every member since the
 * start of last month, and last month's invoices, issued by the same function as the monthly job
 * from the month of machine use the reservations demo recorded.
 */
export async function seedDemoBilling(db: Database): Promise<void> {
  const hubId = (await makerspaceIdsBySlug(db)).get('makrx-hub-bengaluru');
  if (!hubId) return;
  const members = (await listMembers(db, hubId)).filter((m) => m.roles.includes('member'));
  if (members.length === 0) return;
  const today = todayIn('Asia/Kolkata');
  const seeded = await seedOnce(db, 'cave:demo-billing', async (tx) => {
    await tx.insert(billingSettings).values({ makerspaceId: hubId, invoicePrefix: 'MXH' });
    const plans = await tx
      .insert(membershipPlans)
      .values(hubPlans.map((plan) => ({ ...plan, makerspaceId: hubId, currency: 'INR' })))
      .returning({ id: membershipPlans.id, name: membershipPlans.name });
    const startsOn = addMonths(`${today.slice(0, 7)}-01`, -1);
    await tx.insert(membershipSubscriptions).values(
      members.map((member, index) => ({
        makerspaceId: hubId,
        userId: member.userId,
        planId: plans.find((plan) => plan.name === planOfMember(index))!.id,
        startsOn,
      })),
    );
  });
  if (!seeded) return;
  await issueInvoicesForMonth(db, previousMonth(today), {
    makerspaceId: hubId,
    notifyMember: false,
  });
}
