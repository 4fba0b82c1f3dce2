import type { MakerspaceCalendar } from '@makrx/contracts';
import { describe, expect, it } from 'vitest';
import { closedSpans, makerspaceEvents, nextHour, startOfLocalDay } from './calendar-events';

const BERLIN = 'Europe/Berlin';
const LONDON = 'Europe/London';

describe('local days across a daylight-saving change', () => {
  it('starts a Berlin day at its own midnight on either side of the change', () => {
    expect(startOfLocalDay('2026-03-28', BERLIN)).toBe('2026-03-27T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-29', BERLIN)).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', BERLIN)).toBe('2026-03-29T22:00:00.000Z');
  });

  it('shades a 23-hour spring-forward day around its opening hours', () => {
    // Open 09:00–17:00 in Berlin on the Sunday clocks go forward: summer time by then (UTC+2).
    const spans = closedSpans(
      [
        {
          date: '2026-03-29',
          open: [{ startsAt: '2026-03-29T07:00:00.000Z', endsAt: '2026-03-29T15:00:00.000Z' }],
          closedFor: null,
        },
      ],
      BERLIN,
    );
    expect(spans).toEqual([
      { startsAt: '2026-03-28T23:00:00.000Z', endsAt: '2026-03-29T07:00:00.000Z' },
      { startsAt: '2026-03-29T15:00:00.000Z', endsAt: '2026-03-29T22:00:00.000Z' },
    ]);
  });

  it('shades a whole 25-hour fall-back day the makerspace is closed', () => {
    expect(
      closedSpans([{ date: '2026-10-25', open: [], closedFor: 'Autumn clean-up' }], LONDON),
    ).toEqual([{ startsAt: '2026-10-24T23:00:00.000Z', endsAt: '2026-10-26T00:00:00.000Z' }]);
  });

  it('shades the gap between two opening intervals of a day', () => {
    const spans = closedSpans(
      [
        {
          date: '2026-12-07',
          open: [
            { startsAt: '2026-12-07T14:00:00.000Z', endsAt: '2026-12-07T18:00:00.000Z' },
            { startsAt: '2026-12-07T09:00:00.000Z', endsAt: '2026-12-07T12:00:00.000Z' },
          ],
          closedFor: null,
        },
      ],
      LONDON,
    );
    expect(spans).toEqual([
      { startsAt: '2026-12-07T00:00:00.000Z', endsAt: '2026-12-07T09:00:00.000Z' },
      { startsAt: '2026-12-07T12:00:00.000Z', endsAt: '2026-12-07T14:00:00.000Z' },
      { startsAt: '2026-12-07T18:00:00.000Z', endsAt: '2026-12-08T00:00:00.000Z' },
    ]);
  });

  it('suggests the next whole hour on the makerspace clock, an hour long, over the change', () => {
    // 01:30 in Berlin on the spring-forward night: the next hour on its clock is 03:00 (CEST).
    expect(nextHour(BERLIN, new Date('2026-03-29T00:30:00Z'))).toEqual({
      startsAt: '2026-03-29T01:00:00.000Z',
      endsAt: '2026-03-29T02:00:00.000Z',
    });
    expect(nextHour(LONDON, new Date('2026-12-07T10:20:00Z'))).toEqual({
      startsAt: '2026-12-07T11:00:00.000Z',
      endsAt: '2026-12-07T12:00:00.000Z',
    });
  });
});

const machine = (id: string, name: string, type: '3d_printer' | 'laser_cutter') => ({
  id,
  slug: name.toLowerCase().replaceAll(' ', '-'),
  name,
  type,
  status: 'available' as const,
  hourlyRateCents: 0,
  currency: 'GBP',
  maintenance: [],
});
const printer = '00000000-0000-4000-8000-000000000001';
const laser = '00000000-0000-4000-8000-000000000002';
const slot = { startsAt: '2026-12-07T10:00:00.000Z', endsAt: '2026-12-07T11:00:00.000Z' };
const block = (id: string, mine: boolean, member: string | null) => ({
  ...slot,
  id,
  status: 'booked' as const,
  mine,
  machine: { id: printer, slug: 'printer', name: 'Printer' },
  member: member ? { id: '00000000-0000-4000-8000-0000000000aa', displayName: member } : null,
});

const calendar: MakerspaceCalendar = {
  timeZone: LONDON,
  currency: 'GBP',
  from: '2026-12-07T00:00:00.000Z',
  to: '2026-12-08T00:00:00.000Z',
  days: [{ date: '2026-12-07', open: [], closedFor: null }],
  machines: [
    {
      ...machine(printer, 'Printer', '3d_printer'),
      bookings: [block('b1', false, 'Asha Rao'), block('b2', false, null), block('b3', true, 'Me')],
    },
    {
      ...machine(laser, 'Laser', 'laser_cutter'),
      bookings: [],
      maintenance: [{ ...slot, id: 'm1', reason: 'New lens' }],
    },
  ],
};

describe('the makerspace calendar', () => {
  it('names who booked where the service did, says "Booked" where it did not', () => {
    const titles = makerspaceEvents(calendar, new Set([printer, laser])).map((e) => e.title);
    expect(titles).toEqual([
      'Printer · Asha Rao',
      'Printer · Booked',
      'Printer · Your booking',
      'Laser · Maintenance',
      undefined, // the closed day, shaded
    ]);
  });

  it('shows only the machines the filter keeps, and the closed hours whatever it keeps', () => {
    const events = makerspaceEvents(calendar, new Set([laser]));
    expect(events.map((e) => e.id)).toEqual(['maintenance-m1', 'closed-0']);
    expect(makerspaceEvents(calendar, new Set()).map((e) => e.id)).toEqual(['closed-0']);
  });
});
