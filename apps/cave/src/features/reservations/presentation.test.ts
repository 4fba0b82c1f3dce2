import { ApiError } from '@makrx/spa-kit';
import { describe, expect, it } from 'vitest';
import { bookingRefusalOf } from './booking-refusal';
import {
  bookingActions,
  formatDuration,
  formatMoment,
  formatSlot,
  formatTimes,
  splitBookings,
} from './presentation';

const IST = 'Asia/Kolkata';
const now = new Date('2026-12-07T06:00:00Z'); // 11:30 in Bengaluru
const booking = (
  status: 'booked' | 'checked_in' | 'completed' | 'no_show',
  start: string,
  end: string,
) => ({
  status,
  startsAt: start,
  endsAt: end,
});

describe('booking times', () => {
  it("shows a slot in the makerspace's zone, not the viewer's", () => {
    expect(formatSlot('2026-12-07T04:30:00Z', '2026-12-07T06:00:00Z', IST)).toBe(
      'Mon 7 Dec, 10:00–11:30',
    );
    expect(formatSlot('2026-12-07T04:30:00Z', '2026-12-07T06:00:00Z', 'Europe/London')).toBe(
      'Mon 7 Dec, 04:30–06:00',
    );
  });

  it('tells a slot on a day already named by its times, in the makerspace zone', () => {
    // The night clocks go back in London: 01:30 summer time to 02:00 winter time is 90 minutes.
    expect(formatTimes('2026-10-25T00:30:00Z', '2026-10-25T02:00:00Z', 'Europe/London')).toBe(
      '01:30–02:00',
    );
    expect(formatTimes('2026-12-07T04:30:00Z', '2026-12-07T06:00:00Z', IST)).toBe('10:00–11:30');
    expect(formatMoment('2026-12-07T04:30:00Z', IST)).toBe('Mon 7 Dec, 10:00');
  });

  it('names both days of a slot that runs past midnight', () => {
    expect(formatSlot('2026-12-07T17:30:00Z', '2026-12-07T19:30:00Z', IST)).toBe(
      'Mon 7 Dec, 23:00 – Tue 8 Dec, 01:00',
    );
  });

  it('says how long a booking lasts', () => {
    expect(formatDuration('2026-12-07T04:30:00Z', '2026-12-07T06:00:00Z')).toBe('1 h 30 min');
    expect(formatDuration('2026-12-07T04:30:00Z', '2026-12-07T05:15:00Z')).toBe('45 min');
    expect(formatDuration('2026-12-07T04:00:00Z', '2026-12-07T06:00:00Z')).toBe('2 h');
  });
});

describe('what a member can do with a booking', () => {
  it('cancels only before the start, and checks in from 15 minutes before it', () => {
    const later = booking('booked', '2026-12-07T08:00:00Z', '2026-12-07T09:00:00Z');
    expect(bookingActions(later, now)).toEqual({ cancel: true, checkIn: false, checkOut: false });
    const soon = booking('booked', '2026-12-07T06:10:00Z', '2026-12-07T07:00:00Z');
    expect(bookingActions(soon, now)).toEqual({ cancel: true, checkIn: true, checkOut: false });
    const running = booking('booked', '2026-12-07T05:30:00Z', '2026-12-07T07:00:00Z');
    expect(bookingActions(running, now)).toEqual({ cancel: false, checkIn: true, checkOut: false });
  });

  it('checks out once checked in, and does nothing with a missed or finished one', () => {
    const inUse = booking('checked_in', '2026-12-07T05:30:00Z', '2026-12-07T07:00:00Z');
    expect(bookingActions(inUse, now).checkOut).toBe(true);
    const missed = booking('no_show', '2026-12-07T04:00:00Z', '2026-12-07T05:00:00Z');
    expect(Object.values(bookingActions(missed, now)).some(Boolean)).toBe(false);
  });

  it('lists upcoming bookings soonest first and past ones latest first', () => {
    const a = booking('booked', '2026-12-08T04:00:00Z', '2026-12-08T05:00:00Z');
    const b = booking('booked', '2026-12-07T08:00:00Z', '2026-12-07T09:00:00Z');
    const c = booking('completed', '2026-12-01T04:00:00Z', '2026-12-01T05:00:00Z');
    const d = booking('no_show', '2026-12-05T04:00:00Z', '2026-12-05T05:00:00Z');
    const e = booking('checked_in', '2026-12-07T05:30:00Z', '2026-12-07T07:00:00Z');
    expect(splitBookings([a, b, c, d, e], now)).toEqual({ upcoming: [e, b, a], past: [d, c] });
  });
});

describe('why a booking was refused', () => {
  it('names the booking in the way, in the makerspace’s time', () => {
    const taken = new ApiError(409, 'SLOT_TAKEN', '"Epilog" is already booked …', {
      taken: { startsAt: '2026-12-07T04:30:00Z', endsAt: '2026-12-07T06:00:00Z' },
    });
    expect(bookingRefusalOf(taken, IST)).toBe(
      'Someone booked this machine for Mon 7 Dec, 10:00–11:30 just before you. Choose a time outside that booking.',
    );
  });

  it('passes on what the service says of a training it requires', () => {
    const training = new ApiError(
      403,
      'TRAINING_REQUIRED',
      '"Epilog Fusion Pro" needs a training before it can be booked.',
      { trainingId: null },
    );
    expect(bookingRefusalOf(training, IST)).toBe(
      '"Epilog Fusion Pro" needs a training before it can be booked.',
    );
  });

  it('turns field errors into a sentence', () => {
    const invalid = new ApiError(400, 'VALIDATION_FAILED', 'Invalid body: check startsAt.', [
      { location: 'body', field: 'startsAt', message: 'starts in the future' },
    ]);
    expect(bookingRefusalOf(invalid, IST)).toBe('Check the time: a booking starts in the future.');
  });
});
