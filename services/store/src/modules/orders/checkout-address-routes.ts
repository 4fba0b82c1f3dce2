import { signedInUser } from '@makrx/auth';
import {
  checkoutAddresses,
  errorBody,
  shippingAddress,
  shippingPreferencesOfUser,
  type CheckoutAddresses,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { checkedDestination } from './destination';
import { taxRateFor } from './pricing';

/** The signed-in buyer's addresses kept on MakrX.org, to start checkout from. */
export const checkoutAddressRoutes: FastifyPluginAsyncZod = async (app) => {
  // Open like the quote: a guest's address is checked at its step, before any item is priced.
  app.post(
    '/checkout/address-check',
    {
      config: { access: { feature: 'productBrowsing', mode: 'write' } },
      schema: {
        tags: ['checkout'],
        summary: 'An address as the store would keep it, and the tax rate it would be charged',
        description:
          'The region becomes its ISO 3166-2 code ("California", "ca" and "US-CA" are CA); an unknown region (400 UNKNOWN_REGION) or a postal code not shaped as the country\'s (400 INVALID_POSTAL_CODE) is refused naming its field, and a destination the store has no tax rate for is refused with 422 DESTINATION_NOT_TAXABLE.',
        body: z.object({ shippingAddress }),
        response: {
          200: z.object({ shippingAddress, taxRateBasisPoints: z.number().int() }),
          400: errorBody,
          422: errorBody,
        },
      },
    },
    async (request) => {
      const checked = checkedDestination(request.body.shippingAddress);
      return { shippingAddress: checked, taxRateBasisPoints: await taxRateFor(app.db, checked) };
    },
  );

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
