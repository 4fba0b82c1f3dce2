import type { Order, OrderStatus } from '@makrx/contracts';

export const statusLabels: Record<OrderStatus, string> = {
  pending_payment: 'Pending payment',
  paid: 'Paid',
  in_fulfilment: 'In fulfilment',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
};

export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export const statusTones: Record<OrderStatus, StatusTone> = {
  pending_payment: 'warning',
  paid: 'info',
  in_fulfilment: 'info',
  shipped: 'info',
  delivered: 'success',
  cancelled: 'danger',
  refunded: 'neutral',
};

/** The way an order normally goes, in order. */
const happyPath: OrderStatus[] = [
  'pending_payment',
  'paid',
  'in_fulfilment',
  'shipped',
  'delivered',
];

export interface TimelineStep {
  status: OrderStatus;
  label: string;
  state: 'done' | 'current' | 'upcoming';
  /** When the order reached it, from the order's history. */
  at: string | null;
  note: string | null;
}

/**
 * The tracking page's timeline: the normal path with the steps reached so far marked, or —
 * for a cancelled or refunded order — the steps it did reach, ending in how it ended.
 */
export function orderTimeline(order: Pick<Order, 'status' | 'history'>): TimelineStep[] {
  const reached = new Map(order.history.map((change) => [change.status, change]));
  const stepOf = (status: OrderStatus, state: TimelineStep['state']): TimelineStep => ({
    status,
    label: statusLabels[status],
    state,
    at: reached.get(status)?.at ?? null,
    note: reached.get(status)?.note ?? null,
  });
  if (order.status === 'cancelled' || order.status === 'refunded') {
    const passed = happyPath.filter((status) => reached.has(status));
    const ending: OrderStatus[] =
      order.status === 'refunded' && reached.has('cancelled')
        ? ['cancelled', 'refunded']
        : [order.status];
    return [
      ...passed.map((status) => stepOf(status, 'done')),
      ...ending.map((status, index) =>
        stepOf(status, index === ending.length - 1 ? 'current' : 'done'),
      ),
    ];
  }
  const current = happyPath.indexOf(order.status);
  return happyPath.map((status, index) =>
    stepOf(status, index < current ? 'done' : index === current ? 'current' : 'upcoming'),
  );
}

/** A buyer may cancel until the parcel leaves (spec: cancellation before shipment). */
export const isCancellable = (status: OrderStatus) =>
  status === 'pending_payment' || status === 'paid' || status === 'in_fulfilment';

export function formatOrderDate(iso: string, withTime = false): string {
  return new Intl.DateTimeFormat('en-US', {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'UTC',
  }).format(new Date(iso));
}
