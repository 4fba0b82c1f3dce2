/**
 * Many buyers at once for the same variant, each placing an order for one unit and paying it
 * with a test card token, over real HTTP: used by the overselling test and `npm run bench`.
 */
export interface RushResult {
  /** Buyers whose order was placed and paid. */
  paid: number;
  /** Buyers told 409 OUT_OF_STOCK. */
  soldOut: number;
  /** Answers of 500 or above, on either request. */
  serverErrors: number;
  /** Anything else, by status and code, so a surprise is visible. */
  other: string[];
  elapsedMs: number;
}

/**
 * Each rush buyer is a buyer of their own, with their own email and door: an email or an
 * address has only a few unpaid orders open at once, and the rush measures many buyers, not
 * one buyer's many orders.
 */
const buyerOf = (rush: string, buyer: number) => ({
  email: `buyer-${rush}-${buyer}@example.com`,
  shippingAddress: {
    name: `Rush Buyer ${buyer}`,
    line1: `${buyer + 1} Queue Street`,
    line2: `Rush ${rush}`,
    city: 'Austin',
    region: 'TX',
    postalCode: '73301',
    country: 'US',
  },
});

async function buyOne(baseUrl: string, variantId: string, rush: string, buyer: number) {
  const placed = await fetch(`${baseUrl}/api/v1/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      items: [{ variantId, quantity: 1 }],
      ...buyerOf(rush, buyer),
      shippingMethod: 'standard',
    }),
  });
  const order = (await placed.json()) as {
    id: string;
    accessToken: string;
    error?: { code: string };
  };
  if (placed.status !== 201) return { status: placed.status, code: order.error?.code ?? '' };
  const paid = await fetch(`${baseUrl}/api/v1/orders/${order.id}/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-order-token': order.accessToken },
    body: JSON.stringify({ paymentMethod: 'tok_visa' }),
  });
  const payment = (await paid.json()) as { order?: { status: string }; error?: { code: string } };
  if (paid.status === 201 && payment.order?.status === 'paid') return { status: 200, code: 'PAID' };
  return { status: paid.status, code: payment.error?.code ?? 'NOT_PAID' };
}

export async function rushForVariant(
  baseUrl: string,
  variantId: string,
  buyers: number,
): Promise<RushResult> {
  const rush = crypto.randomUUID().slice(0, 8);
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: buyers }, (_, buyer) =>
      buyOne(baseUrl, variantId, rush, buyer).catch((error: unknown) => ({
        status: 0,
        code: String(error),
      })),
    ),
  );
  const elapsedMs = performance.now() - started;
  const result: RushResult = { paid: 0, soldOut: 0, serverErrors: 0, other: [], elapsedMs };
  for (const { status, code } of answers) {
    if (code === 'PAID') result.paid += 1;
    else if (status === 409 && code === 'OUT_OF_STOCK') result.soldOut += 1;
    else if (status >= 500) result.serverErrors += 1;
    else result.other.push(`${status} ${code}`);
  }
  return result;
}
