import { signedInUser } from '@makrx/auth';
import { addToCartBody, cart, cartFill, errorBody } from '@makrx/contracts';
import { AppError, badRequest, notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { storeLinks } from '../../store-links';
import { loadOrder } from '../orders/service';
import { cartOwnerOf } from './cart-owner';
import { fillCart } from './integration-routes';
import {
  findCartId,
  mergeGuestCart,
  newCartToken,
  putInCart,
  readCart,
  removeFromCart,
} from './service';

const cartTokenHeader = z.object({ 'x-cart-token': z.string().max(200).optional() });
const variantParams = z.object({ variantId: z.uuid() });

export const cartRoutes: FastifyPluginAsyncZod = async (app) => {
  const links = storeLinks(app.config);
  app.get(
    '/cart',
    {
      config: { access: { feature: 'productBrowsing', mode: 'read' } },
      schema: {
        tags: ['cart'],
        summary: 'Your cart at current prices (a guest sends its x-cart-token)',
        headers: cartTokenHeader,
        response: { 200: cart },
      },
    },
    async (request) => {
      const owner = cartOwnerOf(request);
      return readCart(app.db, owner ? await findCartId(app.db, owner) : undefined);
    },
  );

  app.post(
    '/cart/items',
    {
      config: { access: { feature: 'productBrowsing', mode: 'write' } },
      schema: {
        tags: ['cart'],
        summary: 'Add an item, if that many are in stock',
        description:
          "A guest without a cart gets one: its token comes back in the `x-cart-token` header, to be sent with the guest's later cart requests. Tokens are issued by the service only: an unknown token starts a new cart under a new token.",
        headers: cartTokenHeader,
        body: addToCartBody,
        response: { 200: cart, 400: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      let owner = cartOwnerOf(request);
      // Cart tokens are the service's to issue: a token it never issued (or whose cart is gone)
      // starts a new cart under a new token, never one named by the client.
      if (!owner || ('guestToken' in owner && !(await findCartId(app.db, owner)))) {
        owner = { guestToken: newCartToken() };
        reply.header('x-cart-token', owner.guestToken);
      }
      const cartId = await putInCart(app.db, owner, request.body);
      return readCart(app.db, cartId);
    },
  );

  app.put(
    '/cart/items/:variantId',
    {
      config: { access: { feature: 'productBrowsing', mode: 'write' } },
      schema: {
        tags: ['cart'],
        summary: 'Change how many of an item the cart holds',
        headers: cartTokenHeader,
        params: variantParams,
        body: z.object({ quantity: z.number().int().min(1).max(99) }),
        response: { 200: cart, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const owner = cartOwnerOf(request);
      if (!owner || !(await findCartId(app.db, owner))) {
        throw new AppError(404, 'NOT_FOUND', 'There is no cart to change.');
      }
      const cartId = await putInCart(
        app.db,
        owner,
        { variantId: request.params.variantId, quantity: request.body.quantity },
        { replace: true },
      );
      return readCart(app.db, cartId);
    },
  );

  app.delete(
    '/cart/items/:variantId',
    {
      config: { access: { feature: 'productBrowsing', mode: 'write' } },
      schema: {
        tags: ['cart'],
        summary: 'Take an item out of the cart',
        headers: cartTokenHeader,
        params: variantParams,
        response: { 200: cart },
      },
    },
    async (request) => {
      const owner = cartOwnerOf(request);
      const cartId = owner ? await findCartId(app.db, owner) : undefined;
      if (cartId) await removeFromCart(app.db, cartId, request.params.variantId);
      return readCart(app.db, cartId);
    },
  );

  app.post(
    '/orders/:id/reorder',
    {
      // Managing one's own orders; while ENABLE_QUICK_REORDER is off the route is not there.
      config: {
        access: { feature: 'orderManagement', mode: 'write' },
        flag: 'ENABLE_QUICK_REORDER',
      },
      schema: {
        tags: ['cart'],
        summary: 'Put the items of one of your past orders back in your cart (quick reorder)',
        params: z.object({ id: z.uuid() }),
        response: { 200: cartFill, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      const found = await loadOrder(app.db, { id: request.params.id });
      if (!found || found.row.userId !== user.userId) throw notFound('The order');
      const items = found.order.lines.map((l) => ({ code: l.sku, quantity: l.quantity }));
      return { ...(await fillCart(app.db, user.userId, items)), cartUrl: links.cart() };
    },
  );

  app.post(
    '/cart/merge',
    {
      config: { access: { feature: 'purchaseProducts', mode: 'write' } },
      schema: {
        tags: ['cart'],
        summary: "On sign-in: move the guest cart of x-cart-token into the user's cart",
        headers: cartTokenHeader,
        response: { 200: cart, 400: errorBody, 401: errorBody },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      const guestToken = request.headers['x-cart-token'];
      if (!guestToken) {
        throw badRequest('CART_TOKEN_REQUIRED', 'Send the guest cart token to merge.', [
          { field: 'x-cart-token', message: 'required' },
        ]);
      }
      await mergeGuestCart(app.db, guestToken, user.userId);
      return readCart(app.db, await findCartId(app.db, { userId: user.userId }));
    },
  );
};
