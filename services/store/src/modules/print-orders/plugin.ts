import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { QuotePrint } from '../../flows/place-print-order';
import { printOrderRoutes } from './routes';

/** Print orders, pricing each order again with `quotePrint` (the model uploads' quotes). */
export const printOrdersModuleWith =
  (quotePrint: QuotePrint): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(printOrderRoutes(quotePrint));
  };
