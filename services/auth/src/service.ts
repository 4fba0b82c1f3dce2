import type { ServiceDefinition } from '@makrx/service-kit';
import { seedDemoMakers } from './modules/profiles/demo-makers';
import { profileRoutes } from './modules/profiles/routes';

export const authService: ServiceDefinition = {
  name: 'auth',
  title: 'MakrX.org API',
  description:
    'Maker profiles, community and preferences of MakrX.org; identity arrives beside it.',
  modules: [{ prefix: '/api/v1', plugin: profileRoutes }],
  seedDemoData: seedDemoMakers,
};
