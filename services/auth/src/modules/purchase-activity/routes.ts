import { signedInUser } from '@makrx/auth';
import {
  errorBody,
  purchaseActivityRecorded,
  purchaseActivityRequest,
  purchaseSummary,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { purchaseSummaryOf, recordPurchase } from './service';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

export const purchaseActivityRoutes: FastifyPluginAsyncZod = async (app) => {
  // Spec section 7, MakrX.Store → MakrX.org: only the store's service account may call.
  app.post(
    '/activity/purchase',
    {
      config: { access: { serviceClients: ['store-backend'] } },
      schema: {
        tags: ['integration'],
        summary: 'Record a paid store order on the buyer’s MakrX.org activity, once per order',
        body: purchaseActivityRequest,
        response: { 200: purchaseActivityRecorded, ...errors },
      },
    },
    async (request) => {
      const { user_id, order_id, product_categories } = request.body;
      return recordPurchase(
        app.db,
        { userId: user_id, orderId: order_id, productCategories: product_categories },
        request.id,
      );
    },
  );

  // Purchases are private: only their buyer reads them, never on the public profile.
  app.get(
    '/me/purchase-activity',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'read' } },
      schema: {
        tags: ['profiles'],
        summary: 'Your store purchases by category; seen by you only',
        response: { 200: purchaseSummary, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return purchaseSummaryOf(app.db, signedInUser(request).userId);
    },
  );
};
