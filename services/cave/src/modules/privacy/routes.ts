import {
  errorBody,
  privacyUserParams,
  serviceDataExport,
  serviceErasure,
  serviceErasureBody,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { eraseCaveData, exportCaveData } from '../../flows/account-data';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody };
/** Only MakrX.org's backend asks: it answers the person, having checked who they are. */
const access = { serviceClients: ['auth-service'] } as const;

/** A person's MakrCave data for their export, and its erasure when they delete their account. */
export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/privacy/users/:userId/export',
    {
      config: { access },
      schema: {
        tags: ['privacy'],
        summary: 'Everything MakrCave holds about a user (MakrX.org’s data export)',
        params: privacyUserParams,
        response: { 200: serviceDataExport, ...errors },
      },
    },
    async (request) => exportCaveData(app.db, request.params.userId),
  );

  app.delete(
    '/privacy/users/:userId',
    {
      config: { access },
      schema: {
        tags: ['privacy'],
        summary: 'Erase a deleted account’s MakrCave data; safe to repeat',
        params: privacyUserParams,
        body: serviceErasureBody,
        response: { 200: serviceErasure, ...errors },
      },
    },
    async (request) => eraseCaveData(app.db, request.params.userId, request.body),
  );
};
