import { signedInUser } from '@makrx/auth';
import {
  defaultShippingMethodBody,
  errorBody,
  savedAddress,
  savedAddressInput,
  shippingPreferences,
  shippingPreferencesOfUser,
  shippingPreferencesQuery,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import {
  addAddress,
  deleteAddress,
  editAddress,
  setDefaultAddress,
  setDefaultShippingMethod,
  shippingPreferencesOf,
} from './service';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const addressId = z.object({ id: z.uuid() });

/** The signed-in user's saved addresses, and the store's way to read them at checkout. */
export const shippingPreferenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/addresses',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'read' } },
      schema: {
        tags: ['shipping preferences'],
        summary: 'Your saved shipping addresses (default first) and default shipping method',
        response: { 200: shippingPreferences, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return shippingPreferencesOf(app.db, signedInUser(request).userId);
    },
  );

  app.post(
    '/me/addresses',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'write' } },
      schema: {
        tags: ['shipping preferences'],
        summary: 'Save an address; your first one becomes the default',
        body: savedAddressInput,
        response: { 201: savedAddress, ...errors },
      },
    },
    async (request, reply) => {
      const saved = await addAddress(
        app.db,
        signedInUser(request).userId,
        request.id,
        request.body,
      );
      return reply.code(201).send(saved);
    },
  );

  app.put(
    '/me/addresses/:id',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'write' } },
      schema: {
        tags: ['shipping preferences'],
        summary: 'Change a saved address',
        params: addressId,
        body: savedAddressInput,
        response: { 200: savedAddress, ...errors },
      },
    },
    async (request) =>
      editAddress(
        app.db,
        signedInUser(request).userId,
        request.id,
        request.params.id,
        request.body,
      ),
  );

  app.post(
    '/me/addresses/:id/default',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'write' } },
      schema: {
        tags: ['shipping preferences'],
        summary: 'Make a saved address the one checkout starts from',
        params: addressId,
        response: { 200: savedAddress, ...errors },
      },
    },
    async (request) =>
      setDefaultAddress(app.db, signedInUser(request).userId, request.id, request.params.id),
  );

  app.delete(
    '/me/addresses/:id',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'write' } },
      schema: {
        tags: ['shipping preferences'],
        summary: 'Delete a saved address; if it was the default, the oldest left takes its place',
        params: addressId,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteAddress(app.db, signedInUser(request).userId, request.id, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/me/shipping-method',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'write' } },
      schema: {
        tags: ['shipping preferences'],
        summary: 'Set (or clear, with null) the shipping method checkout starts from',
        body: defaultShippingMethodBody,
        response: { 200: defaultShippingMethodBody, ...errors },
      },
    },
    async (request) => {
      const { defaultShippingMethod } = request.body;
      await setDefaultShippingMethod(
        app.db,
        signedInUser(request).userId,
        request.id,
        defaultShippingMethod,
      );
      return { defaultShippingMethod };
    },
  );

  // Spec section 7, MakrX.Store → MakrX.org: only the store's service account may call.
  app.get(
    '/preferences/shipping',
    {
      config: { access: { serviceClients: ['store-backend'] } },
      schema: {
        tags: ['integration'],
        summary: 'A user’s saved shipping addresses and default shipping method, for checkout',
        querystring: shippingPreferencesQuery,
        response: { 200: shippingPreferencesOfUser, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const found = await shippingPreferencesOf(app.db, request.query.userId);
      return { addresses: found.addresses, default_shipping_method: found.defaultShippingMethod };
    },
  );
};
