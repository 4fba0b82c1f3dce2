import {
  bomInventorySync,
  bomInventorySyncResult,
  bomOrderUpdate,
  bomOrderUpdateResult,
  errorBody,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { syncInventory } from './inventory';
import { applyOrderUpdate } from './reorders';

/** Spec 7, MakrX.Store → MakrCave: the Store's word on BOM orders and on the codes BOMs use. */
export const bomIntegrationRoutes: FastifyPluginAsyncZod = async (app) => {
  const fromStore = { access: { serviceClients: ['store-backend'] } } as const;
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody };

  app.post(
    '/bom/order-updates',
    {
      config: fromStore,
      schema: {
        tags: ['integration'],
        summary:
          'An order from a Quick Reorder was paid, delivered or cancelled (idempotent by updateId)',
        body: bomOrderUpdate,
        response: { 200: bomOrderUpdateResult, ...refusals, 404: errorBody },
      },
    },
    async (request) => applyOrderUpdate(app.db, request.body),
  );

  app.post(
    '/bom/sync-inventory',
    {
      config: fromStore,
      schema: {
        tags: ['integration'],
        summary: 'Stock and prices of the codes BOMs use (newest push per code wins)',
        body: bomInventorySync,
        response: { 200: bomInventorySyncResult, ...refusals },
      },
    },
    async (request) => syncInventory(app.db, request.body),
  );
};
