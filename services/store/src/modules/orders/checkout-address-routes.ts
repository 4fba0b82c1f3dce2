import { signedInUser } from '@makrx/auth';
import {
  checkoutAddresses,
  errorBody,
  shippingPreferencesOfUser,
  type CheckoutAddresses,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';

/** The signed-in buyer's addresses kept on MakrX.org, to start checkout from. */
export const checkoutAddressRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/checkout/addresses',
    {
      config: { access: { feature: 'purchaseProducts', mode: 'read' } },
      schema: {
        tags: ['checkout'],
        summary: 'Your saved MakrX.org addresses, default first; empty when MakrX.org is down',
        response: { 200: checkoutAddresses, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply): Promise<CheckoutAddresses> => {
      const { userId } = signedInUser(request);
      reply.header('cache-control', 'no-store');
      try {
        // Spec section 7, MakrX.Store → MakrX.org: GET /api/v1/preferences/shipping.
        const found = await app.peers.json(
          'auth',
          `/api/v1/preferences/shipping?userId=${userId}`,
          shippingPreferencesOfUser,
        );
        return {
          addresses: found.addresses,
          defaultShippingMethod: found.default_shipping_method,
          reachable: true,
        };
      } catch (error) {
        // Checkout never waits on MakrX.org: the buyer types the address instead.
        request.log.warn({ err: error }, 'saved addresses unavailable from MakrX.org');
        return { addresses: [], defaultShippingMethod: null, reachable: false };
      }
    },
  );
};
