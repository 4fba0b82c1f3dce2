import type { FastifyRequest } from 'fastify';
import {
  checkoutQuote,
  checkoutQuoteBody,
  createOrderBody,
  discountQuote,
  discountQuoteBody,
  errorBody,
  order,
  placedOrder,
  shippingMethod,
} from '@makrx/contracts';
import { badRequest, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cancelOrder } from '../../flows/cancel-order';
import { placeOrder } from '../../flows/place-order';
import { cartItemsOf, cartOwnerOf, findCartId } from '../cart/service';
import { paymentProcessing } from '../payments/service';
import { checkedDestination } from './destination';
import { actorIdOf, orderForCaller, orderTokenHeader } from './order-access';
import { loadOrder } from './order-records';
import type { Buyer } from './order-placement';
import { quoteDiscount, quoteOrder } from './quote';
import { shippingMethods } from './tables';

const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8, 'at least 8 characters; a fresh UUID per order works well')
    .max(200),
});

/** Who is buying: a signed-in person, or a guest who gave an email (spec: guest checkout). */
function buyerOf(request: FastifyRequest, email: string | undefined): Buyer {
  // Services never get here: the route is declared for people, guests included.
  const { caller } = request;
  if (caller?.kind === 'user') return { userId: caller.userId, email: email ?? caller.email };
  if (!email) {
    throw badRequest('EMAIL_REQUIRED', 'Give an email address to check out as a guest.', [
      { field: 'email', message: 'required for guest checkout' },
    ]);
  }
  return { userId: null, email };
}

export const orderRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The caller's cart, for an order placed without a list of items. */
  const cartOf = async (request: FastifyRequest) => {
    const owner = cartOwnerOf(request);
    const cartId = owner ? await findCartId(app.db, owner) : undefined;
    if (!cartId) {
      throw badRequest(
        'CART_EMPTY',
        'There is no cart to order from: list the items, or add some to the cart.',
        [{ field: 'items', message: 'required when there is no cart' }],
      );
    }
    return { cartId, items: await cartItemsOf(app.db, cartId) };
  };

  app.get(
    '/shipping-methods',
    {
      config: { access: { feature: 'productBrowsing', mode: 'read' } },
      schema: {
        tags: ['checkout'],
        summary: 'The shipping methods offered, with their rates',
        response: { 200: z.object({ items: z.array(shippingMethod) }) },
      },
    },
    async () => ({
      items: (
        await app.db
          .select({
            code: shippingMethods.code,
            name: shippingMethods.name,
            description: shippingMethods.description,
            rateCents: shippingMethods.rateCents,
            freeFromCents: shippingMethods.freeFromCents,
            pickupName: shippingMethods.pickupName,
            pickupAddress: shippingMethods.pickupAddress,
          })
          .from(shippingMethods)
          .where(eq(shippingMethods.active, true))
          .orderBy(asc(shippingMethods.position))
      ).map(({ pickupName, pickupAddress, ...method }) => ({
        ...method,
        pickupAt: pickupName && pickupAddress ? { name: pickupName, address: pickupAddress } : null,
      })),
    }),
  );

  // Open like placing an order: a guest prices their cart (x-cart-token) before giving details.
  app.post(
    '/checkout/quote',
    {
      config: { access: { feature: 'productBrowsing', mode: 'write' } },
      schema: {
        tags: ['checkout'],
        summary:
          'What an order of these items (or your cart) would cost at this address: shipping, tax and total',
        description:
          'Priced as placing the order would price it. Nothing is written and no stock is held; a line with fewer units left than asked for is marked short.',
        headers: z.object({ 'x-cart-token': z.string().max(200).optional() }),
        body: checkoutQuoteBody,
        response: { 200: checkoutQuote, 400: errorBody, 409: errorBody, 422: errorBody },
      },
    },
    async (request) => {
      const { items, shippingAddress, shippingMethod: method, discountCode } = request.body;
      const { caller } = request;
      const buyer = caller?.kind === 'user' ? { userId: caller.userId, email: caller.email } : null;
      return quoteOrder(
        app.db,
        {
          items: items ?? (await cartOf(request)).items,
          shippingAddress: checkedDestination(shippingAddress),
          shippingMethod: method,
          discountCode,
        },
        buyer,
      );
    },
  );

  app.post(
    '/checkout/discount',
    {
      config: { access: { feature: 'productBrowsing', mode: 'write' } },
      schema: {
        tags: ['checkout'],
        summary:
          'What a discount code takes off these items (or your cart), before shipping and tax',
        description:
          'The checks and the discount of placing the order: unknown 400, not yet valid, expired, below the minimum or not applicable 422, used up or used by you already 409.',
        headers: z.object({ 'x-cart-token': z.string().max(200).optional() }),
        body: discountQuoteBody,
        response: { 200: discountQuote, 400: errorBody, 409: errorBody, 422: errorBody },
      },
    },
    async (request) => {
      const { items, discountCode } = request.body;
      const { caller } = request;
      const buyer = caller?.kind === 'user' ? { userId: caller.userId, email: caller.email } : null;
      return quoteDiscount(
        app.db,
        { items: items ?? (await cartOf(request)).items, discountCode },
        buyer,
      );
    },
  );

  // Guests may check out with an email (issue 6, spec "Order Product": guest checkout
  // supported), so this route is open; the buyer is whoever the token says, or the guest.
  app.post(
    '/orders',
    {
      config: { access: { feature: 'productBrowsing', mode: 'write' } },
      schema: {
        tags: ['orders'],
        summary:
          'Place an order from a list of items or from your cart; it holds its stock until paid or expired',
        description:
          'Requires an Idempotency-Key header: a retried request returns the first order (200); the same key with a different request is refused (409).',
        headers: idempotencyHeaders.extend({ 'x-cart-token': z.string().max(200).optional() }),
        body: createOrderBody,
        response: {
          200: placedOrder,
          201: placedOrder,
          400: errorBody,
          403: errorBody,
          409: errorBody,
          422: errorBody,
        },
      },
    },
    async (request, reply) => {
      const { items, email, shippingMethod: method, discountCode } = request.body;
      const shippingAddress = checkedDestination(request.body.shippingAddress);
      const buyer = buyerOf(request, email);
      const fromCart = items ? undefined : await cartOf(request);
      const { order: placed, replayed } = await placeOrder(
        app.db,
        {
          buyer,
          items: items ?? fromCart?.items ?? [],
          shippingAddress,
          shippingMethod: method,
          discountCode,
          idempotencyKey: request.headers['idempotency-key'],
          requestId: request.id,
          fromCartId: fromCart?.cartId,
        },
        { log: request.log },
      );
      return reply.code(replayed ? 200 : 201).send(placed);
    },
  );

  app.get(
    '/orders/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['orders'],
        summary: 'One of your orders (or any, for a store admin)',
        description: 'A guest reads their order with the `x-order-token` it was placed with.',
        headers: orderTokenHeader,
        params: z.object({ id: z.uuid() }),
        response: { 200: order, 401: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const { order: found } = await orderForCaller(app.db, request, request.params.id);
      if (found.status !== 'pending_payment') return found;
      return { ...found, paymentProcessing: await paymentProcessing(app.db, found.id) };
    },
  );

  app.post(
    '/orders/:id/cancel',
    {
      config: { access: 'public' },
      schema: {
        tags: ['orders'],
        summary: 'Cancel an order before it ships; a paid one is refunded',
        description:
          'The cancellation is answered at once; a paid order’s refund follows it through the outbox (the order’s payment then reads refunded). An order that shipped is not cancelled (409 ORDER_NOT_CANCELLABLE or ORDER_STATUS_CONFLICT) and not refunded.',
        headers: orderTokenHeader,
        params: z.object({ id: z.uuid() }),
        response: { 200: order, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { row } = await orderForCaller(app.db, request, request.params.id);
      const acting = { actorId: actorIdOf(request), requestId: request.id, log: request.log };
      await cancelOrder(app.db, acting, row);
      return (await loadOrder(app.db, { id: row.id }))!.order;
    },
  );
};
