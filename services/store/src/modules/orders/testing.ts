import type { PlacedOrder, Product, ShippingAddressInput } from '@makrx/contracts';
import type { FastifyInstance } from 'fastify';

/** Test helpers for the order flow, driving the service through its HTTP API only. */
export const californiaAddress = {
  name: 'Ada Lovelace',
  line1: '1 Analytical Way',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94107',
  country: 'US',
};

let households = 0;

/**
 * An address in California of a buyer's own: test buyers ship to their own doors, as real
 * buyers do, since one address has only a few unpaid orders open at once.
 */
export const aCaliforniaAddress = (): typeof californiaAddress => ({
  ...californiaAddress,
  line1: `${(households += 1)} Analytical Way`,
});

/** A guest's email of their own: one email has only a few unpaid orders open at once. */
export const aGuestEmail = () => `guest-${crypto.randomUUID().slice(0, 8)}@example.com`;

export async function variantOf(app: FastifyInstance, slug: string, index = 0) {
  const product: Product = (await app.inject(`/api/v1/products/${slug}`)).json();
  return product.variants[index]!;
}

export interface OrderRequest {
  items: { variantId: string; quantity: number }[];
  email?: string;
  shippingMethod?: string;
  shippingAddress?: ShippingAddressInput;
  token?: string;
  key?: string;
}

export function postOrder(app: FastifyInstance, request: OrderRequest) {
  const { token, key = crypto.randomUUID(), shippingMethod = 'standard', ...rest } = request;
  return app.inject({
    method: 'POST',
    url: '/api/v1/orders',
    headers: {
      'idempotency-key': key,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    payload: { shippingAddress: aCaliforniaAddress(), shippingMethod, ...rest },
  });
}

export async function placeGuestOrder(
  app: FastifyInstance,
  items: OrderRequest['items'],
  email = aGuestEmail(),
): Promise<PlacedOrder> {
  const response = await postOrder(app, { items, email });
  if (response.statusCode !== 201) throw new Error(`order refused: ${response.body}`);
  return response.json();
}
