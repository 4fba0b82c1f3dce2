import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { storeConfigOf } from '../../config';
import { createAnalysisPool } from './analysis-pool';
import { cachedProviders, caveProviders, type ProviderSource } from './providers';
import { modelUploadRoutes } from './routes';
import { meshUploadCheck, type AnalyseUpload } from './upload-checks';

export interface ModelUploadsModuleOptions {
  /** The model check; by default @makrx/mesh in a pool of MODEL_ANALYSIS_THREADS workers. */
  analyse?: AnalyseUpload;
  /** Where providers come from; by default the cave's `GET /api/v1/providers/available`. */
  providers?: ProviderSource;
  /** How long one answer of the providers is reused (30 s by default). */
  providersCacheMs?: number;
}

/** The model-uploads module with its check and its providers chosen (tests choose their own). */
export const modelUploadsModuleWith =
  (options: ModelUploadsModuleOptions = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const config = storeConfigOf(app.config);
    let analyse = options.analyse;
    if (!analyse) {
      // One pool per service, its threads started on the first upload, stopped with the app.
      const pool = createAnalysisPool({ threads: config.MODEL_ANALYSIS_THREADS });
      app.addHook('onClose', () => pool.close());
      analyse = meshUploadCheck(pool, config.MODEL_MAX_TRIANGLES);
    }
    const providers = cachedProviders(
      options.providers ?? caveProviders(app),
      options.providersCacheMs ?? 30_000,
      app.log,
    );
    await app.register(modelUploadRoutes({ analyse, providers }));
  };

/**
 * Customers' 3D model uploads (`ENABLE_STL_UPLOAD`): each finished file analysed in a worker
 * pool, kept with its analysis, and quoted on the cave's providers.
 */
export const modelUploadsModule = modelUploadsModuleWith();
