import { describe, expect, it } from 'vitest';
import { createOfflineGateway } from './offline-gateway';
import type { ChargeRequest } from './provider';

const request = (number: string): ChargeRequest => ({
  amountCents: 2599,
  currency: 'USD',
  source: { card: { number, expMonth: 12, expYear: 2030, cvc: '123' } },
  idempotencyKey: 'payment-1',
  metadata: { orderId: 'order-1', orderNumber: 'MX-100001', paymentId: 'payment-1' },
});

describe('the offline test gateway', () => {
  it('confirms a payment that waited for the extra step after the service restarted', async () => {
    const before = createOfflineGateway();
    const waiting = await before.charge(request('4000 0025 0000 3155'));
    expect(waiting.status).toBe('requires_action');

    const afterRestart = createOfflineGateway();
    expect(await afterRestart.confirm(waiting.providerPaymentId!)).toMatchObject({
      status: 'succeeded',
    });
  });

  it('has nothing to confirm for a payment that never waited', async () => {
    const gateway = createOfflineGateway();
    const paid = await gateway.charge(request('4242424242424242'));
    expect(await gateway.confirm(paid.providerPaymentId!)).toMatchObject({
      status: 'failed',
      code: 'payment_intent_unexpected_state',
    });
  });
});
