import {
  errorBody,
  shippingMethod,
  shippingMethodInput,
  taxRate,
  taxRateInput,
} from '@makrx/contracts';
import { auditActor, recordAudit, type Database } from '@makrx/db';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { signedInUser } from '@makrx/auth';
import { shippingMethods, taxRates } from './tables';

const storeAdmins = { access: { permission: 'store:admin' } } as const;

async function audited(
  tx: Database,
  userId: string,
  requestId: string,
  entry: {
    action: string;
    entityType: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
  },
) {
  await recordAudit(tx, {
    service: 'store',
    ...entry,
    actorId: await auditActor(tx, userId),
    requestId,
  });
}

/** Store admins configure the tax rates and shipping methods checkout computes with. */
export const pricingAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/admin/tax-rates',
    {
      schema: {
        tags: ['store admin'],
        summary: 'The tax rates by country and region',
        response: { 200: z.object({ items: z.array(taxRate) }), 403: errorBody },
      },
      config: storeAdmins,
    },
    async () => {
      const items = await app.db
        .select()
        .from(taxRates)
        .orderBy(asc(taxRates.country), asc(taxRates.region));
      return { items };
    },
  );

  app.put(
    '/admin/tax-rates',
    {
      schema: {
        tags: ['store admin'],
        summary: 'Set the tax rate of a country, or of one of its regions',
        body: taxRateInput,
        response: { 200: taxRate, 400: errorBody, 403: errorBody },
      },
      config: storeAdmins,
    },
    async (request) => {
      const { userId } = signedInUser(request);
      const { country, region, rateBasisPoints, label } = request.body;
      return app.db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(taxRates)
          .where(eq(taxRates.country, country))
          .then((rows) => rows.filter((r) => r.region === region));
        const [saved] = await tx
          .insert(taxRates)
          .values({ country, region, rateBasisPoints, label })
          .onConflictDoUpdate({
            target: [taxRates.country, taxRates.region],
            set: { rateBasisPoints, label },
          })
          .returning();
        await audited(tx, userId, request.id, {
          action: 'store.tax_rate.set',
          entityType: 'tax_rate',
          entityId: saved!.id,
          before: before ?? null,
          after: saved,
        });
        return saved!;
      });
    },
  );

  app.delete(
    '/admin/tax-rates/:id',
    {
      schema: {
        tags: ['store admin'],
        summary:
          'Remove a tax rate (that destination is then taxed by its country’s rate, or refused until it has one)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), 403: errorBody, 404: errorBody },
      },
      config: storeAdmins,
    },
    async (request, reply) => {
      const { userId } = signedInUser(request);
      await app.db.transaction(async (tx) => {
        const [removed] = await tx
          .delete(taxRates)
          .where(eq(taxRates.id, request.params.id))
          .returning();
        if (!removed) throw notFound('The tax rate');
        await audited(tx, userId, request.id, {
          action: 'store.tax_rate.remove',
          entityType: 'tax_rate',
          entityId: removed.id,
          before: removed,
        });
      });
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/admin/shipping-methods/:code',
    {
      schema: {
        tags: ['store admin'],
        summary: 'Create or change a shipping method and its rate',
        params: z.object({
          code: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and dashes'),
        }),
        body: shippingMethodInput,
        response: { 200: shippingMethod, 400: errorBody, 403: errorBody },
      },
      config: storeAdmins,
    },
    async (request) => {
      const { userId } = signedInUser(request);
      const { code } = request.params;
      return app.db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(shippingMethods)
          .where(eq(shippingMethods.code, code));
        const [saved] = await tx
          .insert(shippingMethods)
          .values({ code, ...request.body })
          .onConflictDoUpdate({ target: shippingMethods.code, set: request.body })
          .returning();
        await audited(tx, userId, request.id, {
          action: 'store.shipping_method.set',
          entityType: 'shipping_method',
          entityId: code,
          before: before ?? null,
          after: saved,
        });
        const { code: savedCode, name, description, rateCents, freeFromCents } = saved!;
        return { code: savedCode, name, description, rateCents, freeFromCents };
      });
    },
  );
};
