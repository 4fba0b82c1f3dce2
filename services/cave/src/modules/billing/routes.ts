import { makerspaceOfRequest, signedInUser } from '@makrx/auth';
import {
  errorBody,
  invoiceRun,
  invoiceRunInput,
  manualPaymentInput,
  membershipInvoice,
  membershipInvoiceList,
  membershipPlan,
  membershipPlanInput,
  membershipPlanList,
  membershipPlanUpdate,
  paymentSource,
  subscription,
  subscriptionInput,
  subscriptionList,
  subscriptionPlanChange,
} from '@makrx/contracts';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createPaymentProvider } from '@makrx/payments';
import { caveConfigOf } from '../../config';
import { makerspaceCurrencyOf, makerspaceIdOf } from '../makerspaces/service';
import { payInvoiceByCard } from './card-payments';
import {
  findInvoice,
  issuePastMonthByHand,
  listInvoices,
  recordManualPayment,
  voidInvoice,
} from './invoices';
import { membershipInvoicePdf } from './invoice-document';
import {
  cancelSubscription,
  changeSubscriptionPlan,
  createPlan,
  listPlans,
  listSubscriptions,
  subscribeMember,
  updatePlan,
  type BillingActor,
} from './service';

/*
 * Membership billing (the matrix's "Billing management" row): a makerspace's admins manage its
 * plans, subscriptions and invoices (write); its members read the plans and their own invoices
 * (read), another member's invoice answering 404 as a missing one would; service providers
 * see none of it.
 */

const makerspaceSlug = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(120);
const spaceParams = z.object({ makerspaceSlug });
const planParams = spaceParams.extend({ planId: z.uuid() });
const subscriptionParams = spaceParams.extend({ subscriptionId: z.uuid() });
const invoiceParams = spaceParams.extend({ invoiceId: z.uuid() });

const read = { access: { feature: 'billingManagement', mode: 'read' } } as const;
const manage = { access: { feature: 'billingManagement', mode: 'write' } } as const;
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const writeRefusals = { ...refusals, 409: errorBody };
const security = [{ bearer: [] }];
const idempotencyHeaders = z.object({
  'idempotency-key': z.string().min(8, 'at least 8 characters; a fresh UUID works well').max(200),
});
const tags = ['billing'];

const actorOf = (request: FastifyRequest): BillingActor => ({
  userId: signedInUser(request).userId,
  requestId: request.id,
});

/** Whether the caller runs the makerspace the route names (its admins see every invoice). */
const runsSpace = (request: FastifyRequest) =>
  request.access.can('makerspace:admin', makerspaceOfRequest(request));

export const billingRoutes: FastifyPluginAsyncZod = async (app) => {
  const spaceId = async (slug: string) => {
    const id = await makerspaceIdOf(app.db, slug);
    if (!id) throw notFound(`Makerspace "${slug}"`);
    return id;
  };
  const base = '/makerspaces/:makerspaceSlug/billing';
  const provider = createPaymentProvider(caveConfigOf(app.config));

  app.get(
    `${base}/plans`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The makerspace’s membership plans (archived ones for its admins too)',
        security,
        params: spaceParams,
        response: { 200: membershipPlanList, ...refusals },
      },
    },
    async (request) => {
      const makerspaceId = await spaceId(request.params.makerspaceSlug);
      const [items, currency] = await Promise.all([
        listPlans(app.db, makerspaceId, { withArchived: await runsSpace(request) }),
        makerspaceCurrencyOf(app.db, makerspaceId),
      ]);
      return { items, currency };
    },
  );

  app.post(
    `${base}/plans`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a membership plan',
        security,
        params: spaceParams,
        body: membershipPlanInput,
        response: { 201: membershipPlan, ...writeRefusals },
      },
    },
    async (request, reply) => {
      const plan = await createPlan(
        app.db,
        await spaceId(request.params.makerspaceSlug),
        request.body,
        actorOf(request),
      );
      return reply.code(201).send(plan);
    },
  );

  app.patch(
    `${base}/plans/:planId`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change or archive a membership plan',
        security,
        params: planParams,
        body: membershipPlanUpdate,
        response: { 200: membershipPlan, ...writeRefusals },
      },
    },
    async (request) =>
      updatePlan(
        app.db,
        {
          makerspaceId: await spaceId(request.params.makerspaceSlug),
          planId: request.params.planId,
        },
        request.body,
        actorOf(request),
      ),
  );

  app.get(
    `${base}/subscriptions`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Every member’s subscriptions in the makerspace',
        security,
        params: spaceParams,
        response: { 200: subscriptionList, ...refusals },
      },
    },
    async (request) => ({
      items: await listSubscriptions(app.db, await spaceId(request.params.makerspaceSlug)),
    }),
  );

  app.post(
    `${base}/subscriptions`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Put a member on a plan from a day on',
        security,
        params: spaceParams,
        body: subscriptionInput,
        response: { 201: subscription, ...writeRefusals },
      },
    },
    async (request, reply) => {
      const started = await subscribeMember(
        app.db,
        await spaceId(request.params.makerspaceSlug),
        request.body,
        actorOf(request),
      );
      return reply.code(201).send(started);
    },
  );

  const subscriptionRef = async (params: z.infer<typeof subscriptionParams>) => ({
    makerspaceId: await spaceId(params.makerspaceSlug),
    subscriptionId: params.subscriptionId,
  });

  app.post(
    `${base}/subscriptions/:subscriptionId/plan`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Move a member to another plan from the next period',
        security,
        params: subscriptionParams,
        body: subscriptionPlanChange,
        response: { 200: subscription, ...writeRefusals },
      },
    },
    async (request) =>
      changeSubscriptionPlan(
        app.db,
        await subscriptionRef(request.params),
        request.body.planId,
        actorOf(request),
      ),
  );

  app.post(
    `${base}/subscriptions/:subscriptionId/cancel`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'End a subscription at the end of its current period',
        security,
        params: subscriptionParams,
        response: { 200: subscription, ...writeRefusals },
      },
    },
    async (request) =>
      cancelSubscription(app.db, await subscriptionRef(request.params), actorOf(request)),
  );

  app.get(
    `${base}/invoices`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Invoices, newest first: my own, or every member’s for the makerspace’s admins',
        security,
        params: spaceParams,
        response: { 200: membershipInvoiceList, ...refusals },
      },
    },
    async (request) => {
      const makerspaceId = await spaceId(request.params.makerspaceSlug);
      const owner = (await runsSpace(request)) ? undefined : signedInUser(request).userId;
      return { items: await listInvoices(app.db, makerspaceId, owner) };
    },
  );

  /** The invoice the route names: the caller's own, or any of the makerspace's for its admins. */
  const invoiceRef = async (request: FastifyRequest, params: z.infer<typeof invoiceParams>) => ({
    makerspaceId: await spaceId(params.makerspaceSlug),
    invoiceId: params.invoiceId,
    ...((await runsSpace(request)) ? {} : { ownerId: signedInUser(request).userId }),
  });

  app.get(
    `${base}/invoices/:invoiceId`,
    {
      config: read,
      schema: {
        tags,
        summary: 'One invoice with its lines and totals (mine, or any for the admins)',
        security,
        params: invoiceParams,
        response: { 200: membershipInvoice, ...refusals },
      },
    },
    async (request) => findInvoice(app.db, await invoiceRef(request, request.params)),
  );

  app.get(
    `${base}/invoices/:invoiceId.pdf`,
    {
      config: read,
      schema: {
        tags,
        summary: 'One invoice as a PDF file (mine, or any for the admins)',
        security,
        params: invoiceParams,
      },
    },
    async (request, reply) => {
      const invoice = await findInvoice(app.db, await invoiceRef(request, request.params));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${invoice.number}.pdf"`)
        .send(await membershipInvoicePdf(app.db, invoice));
    },
  );

  app.post(
    `${base}/invoices/run`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Issue a past month’s invoices now (those not issued yet; the job does it too)',
        security,
        params: spaceParams,
        body: invoiceRunInput,
        response: { 200: invoiceRun, ...writeRefusals },
      },
    },
    async (request) =>
      issuePastMonthByHand(
        app.db,
        await spaceId(request.params.makerspaceSlug),
        request.body.month,
        actorOf(request),
      ),
  );

  app.post(
    `${base}/invoices/:invoiceId/payments`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record a payment made at the desk (cash, UPI, transfer, card terminal)',
        security,
        params: invoiceParams,
        body: manualPaymentInput,
        response: { 200: membershipInvoice, ...writeRefusals },
      },
    },
    async (request) =>
      recordManualPayment(
        app.db,
        {
          makerspaceId: await spaceId(request.params.makerspaceSlug),
          invoiceId: request.params.invoiceId,
        },
        request.body,
        actorOf(request),
      ),
  );

  app.post(
    `${base}/invoices/:invoiceId/pay`,
    {
      // Paying one's own invoice is the member's side of billing: the matrix's Read cell (they
      // manage nothing), the invoice found only among the caller's own.
      config: read,
      schema: {
        tags,
        summary: 'Pay my open invoice by card (a payment method or card token from the provider)',
        description:
          'Requires an Idempotency-Key header: the same request again answers the paid invoice and charges nothing. In offline mode Stripe’s test tokens (`tok_visa`, `tok_chargeDeclined`, …) pay or are declined as Stripe answers them; a declined card is 402 and leaves the invoice open.',
        security,
        headers: idempotencyHeaders,
        params: invoiceParams,
        body: paymentSource,
        response: { 200: membershipInvoice, ...writeRefusals, 402: errorBody },
      },
    },
    async (request) =>
      payInvoiceByCard(
        app.db,
        {
          makerspaceId: await spaceId(request.params.makerspaceSlug),
          invoiceId: request.params.invoiceId,
          ownerId: signedInUser(request).userId,
        },
        {
          source: request.body,
          idempotencyKey: request.headers['idempotency-key'],
        },
        provider,
        actorOf(request),
      ),
  );

  app.post(
    `${base}/invoices/:invoiceId/void`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Void an open invoice issued in error',
        security,
        params: invoiceParams,
        response: { 200: membershipInvoice, ...writeRefusals },
      },
    },
    async (request) =>
      voidInvoice(
        app.db,
        {
          makerspaceId: await spaceId(request.params.makerspaceSlug),
          invoiceId: request.params.invoiceId,
        },
        actorOf(request),
      ),
  );
};
