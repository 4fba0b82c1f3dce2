import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import {
  cachedProviders,
  caveProviders,
  quoteOwnUpload,
  type ProviderSource,
} from '../model-uploads/service';
import { printOrderRoutes } from './routes';

export interface PrintOrdersModuleOptions {
  /** Where providers come from; by default the cave's `GET /api/v1/providers/available`. */
  providers?: ProviderSource;
}

/** Print orders, each priced again on the providers' offerings when it is placed. */
export const printOrdersModuleWith =
  (options: PrintOrdersModuleOptions = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const providers = options.providers ?? cachedProviders(caveProviders(app), 30_000, app.log);
    await app.register(printOrderRoutes((db, wanted) => quoteOwnUpload(db, providers, wanted)));
  };

/** Print orders (`ENABLE_STL_UPLOAD`): placed from a quote, paid as orders, routed by the cave. */
export const printOrdersModule = printOrdersModuleWith();
