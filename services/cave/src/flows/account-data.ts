import type { RetainedRecord, ServiceDataExport, ServiceErasure } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { redactEventPayloads } from '@makrx/events';
import { defineFlow, runFlow } from '@makrx/service-kit';
import { achievementsExportOf, eraseAchievements } from '../modules/achievements/service';
import { billingExportOf, endSubscriptions } from '../modules/billing/service';
import { bomsExportOf } from '../modules/bom/service';
import { anonymiseServiceJobs } from '../modules/fabrication/service';
import { eraseInvites } from '../modules/invites/service';
import { eraseMemberships, membershipsExportOf } from '../modules/memberships/service';
import { eraseProjects, ownProjectIds, projectsExportOf } from '../modules/projects/service';
import { bookingsExportOf, eraseUpcomingBookings } from '../modules/reservations/service';
import { eraseTrainings, trainingsExportOf } from '../modules/trainings/service';

/** What MakrCave keeps after an account's deletion, and why (README "Your data"). */
export const retainedByMakrCave: RetainedRecord[] = [
  {
    service: 'cave',
    what: 'Membership invoices and their lines, and the subscriptions they were issued for',
    why: 'Tax and accounting law require invoices to be kept unaltered; they refer to you only through the anonymised user record.',
    keptFor: '10 years after the invoice',
    identifiesYouBy: 'Nothing: your name and email are no longer on record',
  },
  {
    service: 'cave',
    what: 'Past machine bookings (when, which machine, checked in and out)',
    why: 'Machine time is billed on invoices and counted in the makerspace’s usage figures; upcoming bookings are cancelled and removed.',
    keptFor: 'As long as the invoices they were billed on',
    identifiesYouBy: 'Nothing: only the anonymised user record',
  },
  {
    service: 'cave',
    what: 'Print jobs providers made for your store orders',
    why: 'The provider’s earnings and the store order they belong to are accounting records; the customer name in them is replaced by "Deleted user".',
    keptFor: '10 years',
    identifiesYouBy: 'Nothing',
  },
];

/** Everything MakrCave holds about a user, each module answering for its own tables. */
export async function exportCaveData(db: Database, userId: string): Promise<ServiceDataExport> {
  const projects = await projectsExportOf(db, userId);
  return {
    service: 'cave',
    sections: {
      memberships: await membershipsExportOf(db, userId),
      bookings: await bookingsExportOf(db, userId),
      projects,
      boms: await bomsExportOf(db, userId, await ownProjectIds(db, userId)),
      trainings: await trainingsExportOf(db, userId),
      billing: await billingExportOf(db, userId),
      achievements: await achievementsExportOf(db, userId),
    },
    retained: retainedByMakrCave,
  };
}

interface CaveErasure {
  userId: string;
  email: string;
  name: string;
  erased: Record<string, number>;
}

const step = (name: string, erase: (tx: Database, erasure: CaveErasure) => Promise<number>) => ({
  name,
  run: async (erasure: CaveErasure, tx: Database) => {
    erasure.erased[name] = await erase(tx, erasure);
  },
});

/**
 * Erases a deleted account's MakrCave data in one transaction: it commits whole or not at all,
 * and asked again (the auth service retries a deletion a service did not confirm) it finds
 * nothing more to do. Invoices and past bookings stay (retainedByMakrCave).
 */
const eraseCaveDataFlow = defineFlow<CaveErasure, Database>('erase-cave-data', [
  {
    name: 'erase-in-one-transaction',
    within: (db, run) => db.transaction((tx) => run(tx)),
    steps: [
      step('memberships', (tx, e) => eraseMemberships(tx, e.userId)),
      step('upcomingBookings', (tx, e) => eraseUpcomingBookings(tx, e.userId)),
      step('projects', (tx, e) => eraseProjects(tx, e.userId)),
      step('trainings', (tx, e) => eraseTrainings(tx, e.userId)),
      step('subscriptionsEnded', (tx, e) => endSubscriptions(tx, e.userId)),
      step('achievements', (tx, e) => eraseAchievements(tx, e.userId)),
      step('invites', (tx, e) => eraseInvites(tx, e.userId, e.email)),
      step('printJobsAnonymised', (tx, e) => anonymiseServiceJobs(tx, e.userId)),
      step('eventsRedacted', (tx, e) =>
        redactEventPayloads(tx, 'cave', [e.email, e.name], 'Deleted user'),
      ),
    ],
  },
]);

export async function eraseCaveData(
  db: Database,
  userId: string,
  contact: { email: string; name: string },
): Promise<ServiceErasure> {
  const erasure: CaveErasure = { userId, ...contact, erased: {} };
  await runFlow(eraseCaveDataFlow, erasure, db);
  return { service: 'cave', erased: erasure.erased };
}
