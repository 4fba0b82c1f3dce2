import type { ServiceDefinition } from '@makrx/service-kit';
import { seedDemoMakerspaces } from './modules/makerspaces/demo-makerspaces';
import { makerspaceRoutes } from './modules/makerspaces/routes';

export const caveService: ServiceDefinition = {
  name: 'cave',
  title: 'MakrCave API',
  description: 'Makerspaces, equipment, members, projects and service jobs of MakrCave.',
  modules: [{ prefix: '/api/v1', plugin: makerspaceRoutes }],
  seedDemoData: seedDemoMakerspaces,
};
