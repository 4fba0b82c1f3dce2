import type { WeeklyHours } from '@makrx/contracts';
import { describe, expect, it } from 'vitest';
import {
  describeWeeklyHours,
  judgeSlot,
  localDayBounds,
  openingDays,
  type OpeningSchedule,
} from './opening-hours';

const day = (opens: string, closes: string) => [{ opens, closes }];
const week = (hours: Partial<WeeklyHours>): WeeklyHours => ({
  mon: [],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
  ...hours,
});

describe('opening hours as a sentence', () => {
  it('joins runs of days with the same hours', () => {
    const hub = week({
      ...Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, day('08:00', '22:00')]),
      ),
      sun: day('10:00', '18:00'),
    });
    expect(describeWeeklyHours(hub)).toBe('Mon–Sat 08:00–22:00, Sun 10:00–18:00');
    const daily = week(
      Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, day('12:00', '23:00')]),
      ),
    );
    expect(describeWeeklyHours(daily)).toBe('Daily 12:00–23:00');
    expect(describeWeeklyHours(week({}))).toBe('Closed');
    expect(
      describeWeeklyHours(
        week({
          wed: [...day('09:00', '12:00'), ...day('13:00', '17:00')],
          fri: day('09:00', '12:00'),
        }),
      ),
    ).toBe('Wed 09:00–12:00 and 13:00–17:00, Fri 09:00–12:00');
  });
});

describe('opening hours in a time zone', () => {
  const berlin: OpeningSchedule = {
    timeZone: 'Europe/Berlin',
    weeklyHours: week({
      sat: day('00:00', '24:00'),
      sun: day('00:00', '24:00'),
      mon: day('09:00', '18:00'),
    }),
    closures: [],
  };

  it('gives the spring-forward Sunday 23 hours and the autumn one 25', () => {
    const spring = localDayBounds('2027-03-28', 'Europe/Berlin');
    const autumn = localDayBounds('2027-10-31', 'Europe/Berlin');
    const hours = ({ from, to }: { from: string; to: string }) =>
      (Date.parse(to) - Date.parse(from)) / 3_600_000;
    expect(hours(spring)).toBe(23);
    expect(hours(autumn)).toBe(25);
  });

  it('accepts a slot across midnight when one day’s hours run into the next', () => {
    const overnight = { startsAt: '2027-10-30T21:00:00.000Z', endsAt: '2027-10-30T23:30:00.000Z' };
    expect(judgeSlot(berlin, overnight)).toEqual({ fits: true });
    // Sunday runs to midnight, Monday opens at 09:00: nothing joins them.
    const intoMonday = { startsAt: '2027-10-31T22:30:00.000Z', endsAt: '2027-11-01T00:30:00.000Z' };
    expect(judgeSlot(berlin, intoMonday)).toMatchObject({ fits: false, closure: null });
  });

  it('lists each local day of a range with its open instants, a closure by its reason', () => {
    const closed: OpeningSchedule = {
      ...berlin,
      closures: [{ startsOn: '2027-11-01', endsOn: '2027-11-01', reason: 'All Saints' }],
    };
    const days = openingDays(closed, '2027-10-30T22:00:00.000Z', '2027-11-01T23:00:00.000Z');
    expect(days).toEqual([
      {
        date: '2027-10-31',
        open: [{ startsAt: '2027-10-30T22:00:00.000Z', endsAt: '2027-10-31T23:00:00.000Z' }],
        closedFor: null,
      },
      { date: '2027-11-01', open: [], closedFor: 'All Saints' },
    ]);
  });
});
