import { liveChannels } from '@makrx/contracts';
import { notificationRelay, serviceEnv, type ServiceDefinition } from '@makrx/service-kit';
import { inviteRoutes } from './modules/invites/routes';
import { seedDemoEquipment } from './modules/equipment/demo-equipment';
import { equipmentRoutes } from './modules/equipment/routes';
import { seedDemoMakerspaces } from './modules/makerspaces/demo-makerspaces';
import { makerspaceRoutes } from './modules/makerspaces/routes';
import { seedDemoMemberships } from './modules/memberships/demo-memberships';
import { memberRoutes } from './modules/memberships/member-routes';
import { membershipRoutes } from './modules/memberships/routes';
import { membershipsOf } from './modules/memberships/service';
import { seedDemoProjects } from './modules/projects/demo-projects';
import { projectRoutes } from './modules/projects/routes';
import { markMissedBookings, reservationRoutes } from './modules/reservations/routes';
import { searchRoutes } from './modules/search/routes';

export const caveService: ServiceDefinition = {
  name: 'cave',
  title: 'MakrCave API',
  description:
    'Makerspaces, equipment, reservations, members, projects and service jobs of MakrCave.',
  env: serviceEnv('cave'),
  audience: 'makrcave-backend',
  // The memberships are the cave's own: the guard reads them from its table, not over HTTP.
  memberships: (app) => (userId) => membershipsOf(app.db, userId),
  modules: [
    { prefix: '/api/v1', plugin: makerspaceRoutes },
    { prefix: '/api/v1', plugin: membershipRoutes },
    { prefix: '/api/v1', plugin: memberRoutes },
    { prefix: '/api/v1', plugin: inviteRoutes },
    { prefix: '/api/v1', plugin: equipmentRoutes },
    { prefix: '/api/v1', plugin: reservationRoutes },
    { prefix: '/api/v1', plugin: projectRoutes },
    { prefix: '/api/v1', plugin: searchRoutes },
  ],
  // Machine status and bookings for the cave's open pages; the bell's notifications too, so
  // the cave app needs one stream.
  live: { channels: [liveChannels.cave, liveChannels.notifications] },
  // Notifications asked for in a transaction reach the auth service from the outbox.
  consumers: [notificationRelay],
  jobs: [markMissedBookings],
  seedDemoData: async (db) => {
    await seedDemoMakerspaces(db);
    await seedDemoMemberships(db);
    await seedDemoEquipment(db);
    await seedDemoProjects(db);
  },
};
