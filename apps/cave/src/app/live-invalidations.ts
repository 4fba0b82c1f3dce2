import type { LiveInvalidations } from '@makrx/spa-kit';

/**
 * What the cave's live events make stale (ENABLE_REAL_TIME_EQUIPMENT_STATUS; decision 0017).
 * A screen that shows machines, bookings or the dashboard follows the stream by starting its
 * query key with one of these prefixes: `['equipment', …]`, `['reservations', …]`,
 * `['dashboard', …]`; the public makerspace page's machines come with its makerspace.
 */
const machines = [['makerspaces', 'detail'], ['equipment'], ['dashboard']] as const;
const bookings = [['reservations'], ['dashboard']] as const;

export const caveLiveInvalidations: LiveInvalidations = {
  'machine.status-changed': machines,
  'booking.created': bookings,
  'booking.cancelled': bookings,
};
