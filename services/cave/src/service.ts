import { parkedEventRoutes, serviceAuthentication } from '@makrx/auth';
import { notificationRelay, type ServiceDefinition } from '@makrx/service-kit';
import { seedDemoMakerspaces } from './modules/makerspaces/demo-makerspaces';
import { makerspaceRoutes } from './modules/makerspaces/routes';
import { seedDemoMemberships } from './modules/memberships/demo-memberships';
import { membershipRoutes } from './modules/memberships/routes';
import { rolesInMakerspace } from './modules/memberships/service';
import { seedDemoProjects } from './modules/projects/demo-projects';
import { projectRoutes } from './modules/projects/routes';
import { searchRoutes } from './modules/search/routes';

export const caveService: ServiceDefinition = {
  name: 'cave',
  title: 'MakrCave API',
  description: 'Makerspaces, equipment, members, projects and service jobs of MakrCave.',
  // Makerspace roles come from our own memberships, for routes about one makerspace (:slug).
  authentication: (issuer, database) =>
    serviceAuthentication(issuer, 'makrcave-backend', async (caller, request) => {
      const slug = (request.params as { slug?: string } | undefined)?.slug;
      return slug ? rolesInMakerspace(database.db, caller.userId, slug) : [];
    }),
  modules: [
    { prefix: '/api/v1', plugin: makerspaceRoutes },
    { prefix: '/api/v1', plugin: membershipRoutes },
    { prefix: '/api/v1', plugin: projectRoutes },
    { prefix: '/api/v1', plugin: searchRoutes },
    { prefix: '/api/v1', plugin: parkedEventRoutes },
  ],
  // Notifications asked for in a transaction reach the auth service from the outbox.
  consumers: [notificationRelay],
  seedDemoData: async (db) => {
    await seedDemoMakerspaces(db);
    await seedDemoMemberships(db);
    await seedDemoProjects(db);
  },
};
