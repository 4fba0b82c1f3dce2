import { signedInUser } from '@makrx/auth';
import {
  addPasskeyBody,
  errorBody,
  notFound,
  passkey,
  passkeyList,
  passkeyRegistrationOptions,
  renamePasskeyBody,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import { authConfigOf } from '../../config';
import { findAccount } from './accounts';
import {
  passkeySettingsOf,
  passkeysOf,
  registerPasskey,
  registrationOptions,
  removePasskey,
  renamePasskey,
} from './passkeys';

const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  413: errorBody,
};
const passkeyId = z.object({ id: z.uuid() });
const FLAG = 'ENABLE_NEW_AUTHENTICATION_FLOW';
const own = { feature: 'userProfileManagement', mode: 'write' } as const;
/** A passkey's answer is a few kilobytes; anything far larger is refused before parsing. */
const bodyLimit = 64 * 1024;

/**
 * The signed-in user's passkeys on MakrX.org's account page (decision 0033): listed, added
 * (the registration ceremony runs on the gateway, under the same relying party as the sign-in
 * page), renamed and removed. Signing in with one is the identity provider's page.
 */
export const passkeyRoutes: FastifyPluginAsyncZod = async (app) => {
  const settings = passkeySettingsOf(authConfigOf(app.config));

  app.get(
    '/me/passkeys',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'read' }, flag: FLAG },
      schema: {
        tags: ['passkeys'],
        summary: 'Your passkeys, oldest first',
        response: { 200: passkeyList, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { items: await passkeysOf(app.db, signedInUser(request).userId) };
    },
  );

  app.post(
    '/me/passkeys/registration-options',
    {
      config: { access: own, flag: FLAG },
      bodyLimit,
      schema: {
        tags: ['passkeys'],
        summary: 'Options to create a new passkey with (valid five minutes, once)',
        response: { 200: passkeyRegistrationOptions, ...errors },
      },
    },
    async (request, reply) => {
      const account = await findAccount(app.db, signedInUser(request).userId);
      if (!account) throw notFound('Your account');
      reply.header('cache-control', 'no-store');
      const options = await registrationOptions(app.db, settings, account);
      return { ...options, rp: { ...options.rp }, user: { ...options.user } };
    },
  );

  app.post(
    '/me/passkeys',
    {
      config: { access: own, flag: FLAG },
      bodyLimit,
      schema: {
        tags: ['passkeys'],
        summary: 'Keep the passkey your authenticator just created',
        body: addPasskeyBody,
        response: { 201: passkey, ...errors },
      },
    },
    async (request, reply) => {
      const saved = await registerPasskey(
        app.db,
        settings,
        signedInUser(request).userId,
        {
          name: request.body.name,
          response: request.body.response as unknown as RegistrationResponseJSON,
        },
        request.id,
      );
      return reply.code(201).send(saved);
    },
  );

  app.patch(
    '/me/passkeys/:id',
    {
      config: { access: own, flag: FLAG },
      bodyLimit,
      schema: {
        tags: ['passkeys'],
        summary: 'Rename one of your passkeys',
        params: passkeyId,
        body: renamePasskeyBody,
        response: { 200: passkey, ...errors },
      },
    },
    async (request) =>
      renamePasskey(
        app.db,
        signedInUser(request).userId,
        request.params.id,
        request.body.name,
        request.id,
      ),
  );

  app.delete(
    '/me/passkeys/:id',
    {
      config: { access: own, flag: FLAG },
      schema: {
        tags: ['passkeys'],
        summary: 'Remove one of your passkeys; never your last way to sign in',
        params: passkeyId,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removePasskey(app.db, signedInUser(request).userId, request.params.id, request.id);
      return reply.code(204).send(null);
    },
  );
};
