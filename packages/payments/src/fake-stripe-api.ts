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
  /** Tests move an intent on (to `processing`, say) as the buyer's bank would. */
  status: 'succeeded' | 'processing' | 'requires_action' | 'requires_payment_method';
  client_secret: string;
  metadata: Record<string, string>;
  next_action: { type: 'use_stripe_sdk' } | null;
  last_payment_error: { code: string; message: string; type: string } | null;
}

type Decline = { code: string; message: string };
const declined: Decline = { code: 'card_declined', message: 'Your card was declined.' };
const expired: Decline = { code: 'expired_card', message: 'Your card has expired.' };

/** Stripe's test payment methods and card tokens, answered as Stripe documents them. */
const outcomes: Record<string, 'succeeded' | 'requires_action' | Decline> = {
  pm_card_visa: 'succeeded',
  tok_visa: 'succeeded',
  pm_card_chargeDeclined: declined,
  tok_chargeDeclined: declined,
  pm_card_chargeDeclinedExpiredCard: expired,
  tok_chargeDeclinedExpiredCard: expired,
  pm_card_authenticationRequired: 'requires_action',
  pm_card_threeDSecure2Required: 'requires_action',
  tok_threeDSecure2Required: 'requires_action',
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
    const metadata: Record<string, string> = {};
    for (const [key, value] of form) {
      const match = /^metadata\[(.+)\]$/.exec(key);
      if (match) metadata[match[1]!] = value;
    }
    const intentId = id('pi');
    const intent: FakeIntent = {
      id: intentId,
      object: 'payment_intent',
      amount: Number(form.get('amount')),
      currency: form.get('currency') ?? 'usd',
      status: 'requires_payment_method',
      client_secret: `${intentId}_secret_${randomBytes(8).toString('hex')}`,
      metadata,
      next_action: null,
      last_payment_error: null,
    };
    intents.set(intent.id, intent);
    // Unconfirmed: the browser confirms it with Stripe.js (the Payment Element).
    if (form.get('confirm') !== 'true') return { status: 200, body: intent };
    const method = form.get('payment_method') ?? form.get('payment_method_data[card][token]') ?? '';
    const outcome = outcomes[method] ?? declined;
    if (typeof outcome === 'string') {
      intent.status = outcome;
      intent.next_action = outcome === 'requires_action' ? { type: 'use_stripe_sdk' } : null;
      return { status: 200, body: intent };
    }
    intent.last_payment_error = { ...outcome, type: 'card_error' };
    return {
      status: 402,
      body: {
        error: {
          type: 'card_error',
          code: outcome.code,
          decline_code: outcome.code === 'card_declined' ? 'generic_decline' : outcome.code,
          message: outcome.message,
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
