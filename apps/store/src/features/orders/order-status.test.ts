import { describe, expect, it } from 'vitest';
import { orderTimeline } from './order-status';

const at = (minute: number) => `2026-11-25T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe('the tracking timeline', () => {
  it('marks the steps an order has passed, the one it is at, and those still to come', () => {
    const steps = orderTimeline({
      status: 'shipped',
      history: [
        { fromStatus: null, status: 'pending_payment', note: null, at: at(0) },
        { fromStatus: 'pending_payment', status: 'paid', note: null, at: at(1) },
        { fromStatus: 'paid', status: 'in_fulfilment', note: null, at: at(2) },
        { fromStatus: 'in_fulfilment', status: 'shipped', note: 'UPS 1Z999', at: at(3) },
      ],
    });
    expect(steps.map((step) => [step.label, step.state])).toEqual([
      ['Pending payment', 'done'],
      ['Paid', 'done'],
      ['In fulfilment', 'done'],
      ['Shipped', 'current'],
      ['Delivered', 'upcoming'],
    ]);
    expect(steps[3]).toMatchObject({ at: at(3), note: 'UPS 1Z999' });
  });

  it('ends a cancelled order where it was cancelled, without the steps it never reached', () => {
    const steps = orderTimeline({
      status: 'refunded',
      history: [
        { fromStatus: null, status: 'pending_payment', note: null, at: at(0) },
        { fromStatus: 'pending_payment', status: 'paid', note: null, at: at(1) },
        { fromStatus: 'paid', status: 'cancelled', note: null, at: at(2) },
        { fromStatus: 'cancelled', status: 'refunded', note: null, at: at(3) },
      ],
    });
    expect(steps.map((step) => [step.label, step.state])).toEqual([
      ['Pending payment', 'done'],
      ['Paid', 'done'],
      ['Cancelled', 'done'],
      ['Refunded', 'current'],
    ]);
  });
});
