import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A stand-in for Stripe's HTTP API in tests (Stripe itself cannot be reached from them): just
 * the Payment Intent and refund endpoints the store calls, with Stripe's test cards and
 * test payment methods behaving as Stripe documents them, and idempotency keys honoured.
 */
export interface FakeStripeApi {
  url: string;
  /** Payment Intents created so far, by id. */
  intents: Map<string, FakeIntent>;
  refunds: { id: string; paymentIntent: string }[];
  close(): Promise<void>;
}

interface FakeIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  currency: string;
  status: 'succeeded' | 'requires_action' | 'requires_payment_method';
  metadata: Record<string, string>;
  next_action: { type: 'use_stripe_sdk' } | null;
  last_payment_error: { code: string; message: string; type: string } | null;
}

const outcomes: Record<string, FakeIntent['status']> = {
  '4242424242424242': 'succeeded',
  pm_card_visa: 'succeeded',
  '4000000000000002': 'requires_payment_method',
  pm_card_chargeDeclined: 'requires_payment_method',
  '4000002500003155': 'requires_action',
  pm_card_authenticationRequired: 'requires_action',
};

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return new URLSearchParams(body);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
  response.end(JSON.stringify(body));
}

export async function startFakeStripeApi(): Promise<FakeStripeApi> {
  const intents = new Map<string, FakeIntent>();
  const refunds: FakeStripeApi['refunds'] = [];
  const answered = new Map<string, { status: number; body: unknown }>();

  function createIntent(form: URLSearchParams): { status: number; body: unknown } {
    const method =
      form.get('payment_method') ?? form.get('payment_method_data[card][number]') ?? '';
    const status = outcomes[method] ?? 'requires_payment_method';
    const metadata: Record<string, string> = {};
    for (const [key, value] of form) {
      const match = /^metadata\[(.+)\]$/.exec(key);
      if (match) metadata[match[1]!] = value;
    }
    const declined = status === 'requires_payment_method';
    const intent: FakeIntent = {
      id: id('pi'),
      object: 'payment_intent',
      amount: Number(form.get('amount')),
      currency: form.get('currency') ?? 'usd',
      status,
      metadata,
      next_action: status === 'requires_action' ? { type: 'use_stripe_sdk' } : null,
      last_payment_error: declined
        ? { code: 'card_declined', message: 'Your card was declined.', type: 'card_error' }
        : null,
    };
    intents.set(intent.id, intent);
    if (!declined) return { status: 200, body: intent };
    return {
      status: 402,
      body: {
        error: {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'generic_decline',
          message: 'Your card was declined.',
          payment_intent: intent,
        },
      },
    };
  }

  async function route(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    if (request.method === 'POST' && path === '/v1/payment_intents') {
      return createIntent(await formOf(request));
    }
    const confirm = /^\/v1\/payment_intents\/([^/]+)\/confirm$/.exec(path);
    if (request.method === 'POST' && confirm) {
      const intent = intents.get(confirm[1]!);
      if (!intent) return notFound();
      // The buyer has passed the issuer's challenge: the intent goes through.
      if (intent.status === 'requires_action') intent.status = 'succeeded';
      intent.next_action = null;
      return { status: 200, body: intent };
    }
    const retrieve = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && retrieve) {
      const intent = intents.get(retrieve[1]!);
      return intent ? { status: 200, body: intent } : notFound();
    }
    if (request.method === 'POST' && path === '/v1/refunds') {
      const paymentIntent = (await formOf(request)).get('payment_intent') ?? '';
      if (intents.get(paymentIntent)?.status !== 'succeeded') return notFound();
      const refund = { id: id('re'), paymentIntent };
      refunds.push(refund);
      return {
        status: 200,
        body: {
          id: refund.id,
          object: 'refund',
          payment_intent: paymentIntent,
          status: 'succeeded',
        },
      };
    }
    return notFound();
  }

  const server = createServer((request, response) => {
    if (request.headers.authorization !== 'Bearer sk_test_fake') {
      send(response, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key' } });
      return;
    }
    const key = request.headers['idempotency-key'];
    const cacheKey =
      typeof key === 'string' ? `${request.method} ${request.url} ${key}` : undefined;
    const earlier = cacheKey ? answered.get(cacheKey) : undefined;
    if (earlier) {
      send(response, earlier.status, earlier.body);
      return;
    }
    route(request).then(
      (answer) => {
        if (cacheKey) answered.set(cacheKey, answer);
        send(response, answer.status, answer.body);
      },
      (error: unknown) =>
        send(response, 500, { error: { type: 'api_error', message: String(error) } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    intents,
    refunds,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function notFound() {
  return {
    status: 404,
    body: {
      error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such object' },
    },
  };
}

/** The secret key the fake accepts. */
export const FAKE_STRIPE_SECRET_KEY = 'sk_test_fake';

/** A webhook delivery as Stripe would send it: the JSON body and its Stripe-Signature header. */
export function signedStripeEvent(
  webhookSecret: string,
  event: { id: string; type: string; object: unknown },
): { payload: string; signature: string } {
  const payload = JSON.stringify({
    id: event.id,
    object: 'event',
    type: event.type,
    api_version: '2025-01-01',
    created: Math.floor(Date.now() / 1000),
    data: { object: event.object },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
  return { payload, signature };
}
