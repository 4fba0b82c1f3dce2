import { describe, expect, it } from 'vitest';
import { createOfflineGateway } from './offline-gateway';
import type { ChargeRequest } from './provider';

const request = (paymentMethod: string): ChargeRequest => ({
  amountCents: 2599,
  currency: 'USD',
  source: { paymentMethod },
  idempotencyKey: 'payment-1',
  metadata: { orderId: 'order-1', orderNumber: 'MX-100001', paymentId: 'payment-1' },
});

describe('the offline test gateway', () => {
  it('confirms a payment that waited for the extra step after the service restarted', async () => {
    const before = createOfflineGateway();
    const waiting = await before.charge(request('tok_threeDSecure2Required'));
    expect(waiting.status).toBe('requires_action');

    const afterRestart = createOfflineGateway();
    expect(await afterRestart.confirm(waiting.providerPaymentId!)).toMatchObject({
      status: 'succeeded',
    });
  });

  it('has nothing to confirm for a payment that never waited', async () => {
    const gateway = createOfflineGateway();
    const paid = await gateway.charge(request('tok_visa'));
    expect(await gateway.confirm(paid.providerPaymentId!)).toMatchObject({
      status: 'failed',
      code: 'payment_intent_unexpected_state',
    });
  });
});
