import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { modelUploadRoutes } from './routes';
import { basicUploadCheck, type AnalyseUpload } from './upload-checks';

/** The model-uploads module with the model check it runs on each finished upload. */
export const modelUploadsModuleWith =
  (analyse: AnalyseUpload): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(modelUploadRoutes(analyse));
  };

/** Customers' 3D model uploads (`ENABLE_STL_UPLOAD`), checked by the basic check for now. */
export const modelUploadsModule = modelUploadsModuleWith(basicUploadCheck);
