import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventSchemas, eventTypes, isEventType, parseEventPayload } from './events';

describe('event schemas', () => {
  it('know every event type the services publish', () => {
    expect([...eventTypes].sort()).toEqual([
      'cave.equipment.status-changed',
      'cave.project.changed',
      'cave.reservation.booked',
      'cave.reservation.cancelled',
      'cave.service-job.changed',
      'notification.requested',
      'store.catalog.stock-low',
      'store.order.fulfilment-changed',
      'store.order.link-requested',
      'store.order.paid',
      'store.order.refund-requested',
      'store.print.rated',
    ]);
    expect(isEventType('store.order.paid')).toBe(true);
    expect(isEventType('toString')).toBe(false);
  });

  it('read a print rating, and refuse one out of range or with a comment too long', () => {
    const rated = {
      printOrderId: randomUUID(),
      jobId: randomUUID(),
      stars: 5,
      comment: null,
    };
    expect(eventSchemas['store.print.rated'].safeParse(rated).success).toBe(true);
    for (const bad of [
      { ...rated, stars: 0 },
      { ...rated, stars: 6 },
      { ...rated, comment: 'x'.repeat(1001) },
    ]) {
      expect(eventSchemas['store.print.rated'].safeParse(bad).success).toBe(false);
    }
  });

  it("read a guest's paid order, and refuse one without its lines", () => {
    const paid = {
      orderId: randomUUID(),
      orderNumber: 'MX-100001',
      userId: null,
      email: 'guest@example.com',
      totalCents: 5598,
      currency: 'USD',
      lines: [{ sku: 'TOL-CAL-DIG-150', quantity: 1 }],
      productCategories: ['tools'],
    };
    expect(parseEventPayload('store.order.paid', paid)).toEqual(paid);
    const { lines: _lines, ...withoutLines } = paid;
    expect(() => parseEventPayload('store.order.paid', withoutLines)).toThrow(/lines/);
  });

  it('fill in what a notification request leaves out, and refuse an unknown type', () => {
    const userId = randomUUID();
    expect(
      parseEventPayload('notification.requested', { userId, kind: 'order.paid', title: 'Paid' }),
    ).toEqual({ userId, kind: 'order.paid', title: 'Paid', body: '', link: null });
    expect(() => parseEventPayload('order.teleported', {})).toThrow(
      '"order.teleported" is not a known event type.',
    );
  });
});
