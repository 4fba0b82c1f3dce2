import { liveChannels } from '@makrx/contracts';
import { notificationRelay, type ServiceDefinition } from '@makrx/service-kit';
import { caveEnv } from './config';
import {
  achievementRoutes,
  highlightsFollowProjects,
  syncMakerHighlights,
} from './modules/achievements/routes';
import { analyticsRoutes } from './modules/analytics/routes';
import { communityActivityReports } from './modules/community/activity-reports';
import { seedDemoBilling } from './modules/billing/demo-billing';
import { issueMonthlyInvoices } from './modules/billing/monthly-billing';
import { billingRoutes } from './modules/billing/routes';
import { seedDemoBom } from './modules/bom/demo-bom';
import { bomIntegrationRoutes } from './modules/bom/integration-routes';
import { bomOrderingRoutes } from './modules/bom/ordering-routes';
import { bomRoutes } from './modules/bom/routes';
import { whyCurrencyIsFixed } from './modules/billing/service';
import {
  expireUnansweredOffers,
  fabricationRoutes,
  serviceJobUpdatesToStore,
} from './modules/fabrication/routes';
import { seedDemoPrintOfferings } from './modules/fabrication/demo-offerings';
import { inviteRoutes } from './modules/invites/routes';
import { seedDemoEquipment } from './modules/equipment/demo-equipment';
import { equipmentModule } from './modules/equipment/plugin';
import { seedDemoMakerspaces } from './modules/makerspaces/demo-makerspaces';
import { makerspacesModule } from './modules/makerspaces/plugin';
import { seedDemoMemberships } from './modules/memberships/demo-memberships';
import { memberRoutes } from './modules/memberships/member-routes';
import { membershipRoutes } from './modules/memberships/routes';
import { membershipsOf } from './modules/memberships/service';
import { seedDemoProjects } from './modules/projects/demo-projects';
import { projectAccessGate } from './modules/projects/project-access';
import { projectsModule } from './modules/projects/plugin';
import { seedDemoBookingMonth } from './modules/reservations/demo-reservations';
import { seedDemoMonthOfMachineUse } from './modules/reservations/demo-machine-use';
import { markMissedBookings, reservationRoutes } from './modules/reservations/routes';
import { privacyRoutes } from './modules/privacy/routes';
import { searchRoutes } from './modules/search/routes';
import { seedDemoTrainings } from './modules/trainings/demo-trainings';
import { trainingAdminRoutes } from './modules/trainings/admin-routes';
import { trainingRoutes } from './modules/trainings/routes';

export const caveService: ServiceDefinition = {
  name: 'cave',
  title: 'MakrCave API',
  description:
    'Makerspaces, equipment, trainings, reservations, billing, analytics, members, projects and service jobs of MakrCave.',
  env: caveEnv,
  audience: 'makrcave-backend',
  // The memberships are the cave's own: the guard reads them from its table, not over HTTP.
  memberships: (app) => (userId) => membershipsOf(app.db, userId),
  modules: [
    // Routes about one project declare the least role they need on it (`projectRole`).
    { plugin: projectAccessGate },
    // Billing's money is in the makerspace's currency: it says when that may no longer change.
    { plugin: makerspacesModule({ currencyInUse: whyCurrencyIsFixed }) },
    { prefix: '/api/v1', plugin: membershipRoutes },
    { prefix: '/api/v1', plugin: memberRoutes },
    { prefix: '/api/v1', plugin: inviteRoutes },
    { plugin: equipmentModule },
    { prefix: '/api/v1', plugin: reservationRoutes },
    { prefix: '/api/v1', plugin: trainingRoutes },
    { prefix: '/api/v1', plugin: trainingAdminRoutes },
    { prefix: '/api/v1', plugin: analyticsRoutes },
    { prefix: '/api/v1', plugin: billingRoutes },
    { plugin: projectsModule },
    { prefix: '/api/v1', plugin: bomRoutes },
    { prefix: '/api/v1', plugin: bomOrderingRoutes },
    { prefix: '/api/v1', plugin: bomIntegrationRoutes },
    { prefix: '/api/v1', plugin: searchRoutes },
    { prefix: '/api/v1', plugin: fabricationRoutes },
    { prefix: '/api/v1', plugin: achievementRoutes },
    { prefix: '/api/v1', plugin: privacyRoutes },
  ],
  // Machine status and bookings for the cave's open pages; the bell's notifications too, so
  // the cave app needs one stream.
  live: { channels: [liveChannels.cave, liveChannels.notifications] },
  // Notifications asked for in a transaction reach the auth service from the outbox.
  consumers: [
    notificationRelay,
    serviceJobUpdatesToStore,
    highlightsFollowProjects,
    communityActivityReports,
  ],
  jobs: [markMissedBookings, issueMonthlyInvoices, expireUnansweredOffers, syncMakerHighlights],
  seedDemoData: async (db) => {
    await seedDemoMakerspaces(db);
    await seedDemoMemberships(db);
    await seedDemoEquipment(db);
    await seedDemoTrainings(db);
    // The last 30 days of bookings on every machine (what the dashboard and analytics show),
    // then each member's sessions of last month where a slot is free, which last month's
    // invoices bill.
    await seedDemoBookingMonth(db);
    await seedDemoMonthOfMachineUse(db);
    await seedDemoBilling(db);
    await seedDemoProjects(db);
    await seedDemoBom(db);
    await seedDemoPrintOfferings(db);
  },
};
