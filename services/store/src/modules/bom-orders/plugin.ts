import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { bomOrderRoutes } from './routes';

/** The BOM orders module's routes: the cave's account orders and the admins' accounts. */
export const bomOrdersModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(bomOrderRoutes);
};
