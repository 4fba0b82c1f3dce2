import { signedInUser } from '@makrx/auth';
import {
  errorBody,
  makerspaceCreate,
  makerspaceSettings,
  makerspaceSettingsUpdate,
} from '@makrx/contracts';
import type { AuditRequester } from '@makrx/db';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { makeFounderAdmin } from '../memberships/service';
import { makerspaceIdOf } from './service';
import {
  createMakerspace,
  makerspaceSettings as settingsOf,
  updateMakerspaceSettings,
  type CurrencyInUse,
} from './settings';

/*
 * Running a makerspace: its admins (permission `makerspace:admin`, held in the makerspace the
 * route names, and everywhere by super admins and MakrCave admins) read and change its settings
 * (its photos: plugin.ts); super admins and MakrCave admins open new makerspaces. Every change is audited.
 */

const makerspaceSlug = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(120);
const spaceParams = z.object({ makerspaceSlug });

const runSpace = { access: { permission: 'makerspace:admin' } } as const;
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const security = [{ bearer: [] }];
const tags = ['makerspaces'];

const actorOf = (request: FastifyRequest): AuditRequester => ({
  userId: signedInUser(request).userId,
  requestId: request.id,
});

export const makerspaceSettingsRoutes =
  ({ currencyInUse }: { currencyInUse: CurrencyInUse }): FastifyPluginAsyncZod =>
  async (app) => {
    const spaceId = async (slug: string) => {
      const id = await makerspaceIdOf(app.db, slug);
      if (!id) throw notFound(`Makerspace "${slug}"`);
      return id;
    };

    app.post(
      '/makerspaces',
      {
        config: { access: { permission: 'makerspaces:create' } },
        schema: {
          tags,
          security,
          summary:
            'Open a new makerspace (its link given or made from its name); its creator becomes its admin',
          body: makerspaceCreate,
          response: { 201: makerspaceSettings, ...refusals, 409: errorBody },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const created = await createMakerspace(app.db, request.body, actor, (tx, makerspaceId) =>
          makeFounderAdmin(tx, { makerspaceId, userId: actor.userId }),
        );
        return reply.code(201).send(created);
      },
    );

    app.get(
      '/makerspaces/:makerspaceSlug/settings',
      {
        config: runSpace,
        schema: {
          tags,
          security,
          summary:
            'A makerspace’s settings: place, time zone, currency, opening hours, closures, photos',
          params: spaceParams,
          response: { 200: makerspaceSettings, ...refusals },
        },
      },
      async (request) => settingsOf(app.db, await spaceId(request.params.makerspaceSlug)),
    );

    app.patch(
      '/makerspaces/:makerspaceSlug/settings',
      {
        config: runSpace,
        schema: {
          tags,
          security,
          summary:
            'Change a makerspace’s settings (only those sent; closures are replaced whole; the currency only while it has no plans or invoices)',
          params: spaceParams,
          body: makerspaceSettingsUpdate,
          response: { 200: makerspaceSettings, ...refusals, 409: errorBody },
        },
      },
      async (request) =>
        updateMakerspaceSettings(
          app.db,
          await spaceId(request.params.makerspaceSlug),
          request.body,
          actorOf(request),
          currencyInUse,
        ),
    );
  };
