import { signedInUser } from '@makrx/auth';
import {
  accountDataExport,
  accountDeletion,
  accountDeletionBody,
  accountPreferences,
  errorBody,
} from '@makrx/contracts';
import { AppError, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { eraseAccount } from '../../flows/erase-account';
import { exportAccount } from '../../flows/export-account';
import { accountPreferencesOf, publicFilesOf, saveAccountPreferences } from '../profiles/service';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody };
const own = { feature: 'userProfileManagement', mode: 'read' } as const;
const ownWrite = { feature: 'userProfileManagement', mode: 'write' } as const;

/** The signed-in person's account: preferences, the export of their data, its deletion. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/preferences',
    {
      config: { access: own },
      schema: {
        tags: ['account'],
        summary: 'Your language, units, currency and time zone',
        response: { 200: accountPreferences, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return accountPreferencesOf(app.db, signedInUser(request).userId);
    },
  );

  app.put(
    '/me/preferences',
    {
      config: { access: ownWrite },
      schema: {
        tags: ['account'],
        summary: 'Choose your language, units, currency and time zone',
        body: accountPreferences,
        response: { 200: accountPreferences, ...errors },
      },
    },
    async (request) => saveAccountPreferences(app.db, signedInUser(request).userId, request.body),
  );

  app.get(
    '/me/export',
    {
      config: { access: own },
      schema: {
        tags: ['account'],
        summary: 'Everything MakrX holds about you, from all three services, as one JSON file',
        response: { 200: accountDataExport, ...errors, 502: errorBody },
      },
    },
    async (request, reply) => {
      const { userId } = signedInUser(request);
      const data = await exportAccount(app.db, app.peers, userId);
      const day = data.exportedAt.slice(0, 10);
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', `attachment; filename="makrx-data-${day}.json"`);
      return data;
    },
  );

  app.delete(
    '/me/account',
    {
      config: { access: ownWrite },
      schema: {
        tags: ['account'],
        summary: 'Delete your account: personal data erased or anonymised in all three services',
        body: accountDeletionBody,
        response: { 200: accountDeletion, 422: errorBody, ...errors },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      // The token's email is the account's: typing it again shows the person means it.
      if (request.body.confirmEmail.toLowerCase() !== user.email.toLowerCase()) {
        throw new AppError(
          422,
          'ACCOUNT_DELETION_UNCONFIRMED',
          'Type the email address you sign in with to confirm; nothing was deleted.',
        );
      }
      return eraseAccount(app.db, {
        userId: user.userId,
        requestId: request.id,
        peers: app.peers,
        log: request.log,
        files: publicFilesOf(app),
      });
    },
  );
};
