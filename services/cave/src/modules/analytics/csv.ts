import type { AnalyticsTable, MakerspaceAnalytics } from '@makrx/contracts';
import { AppError } from '@makrx/contracts';
import { stringify } from 'csv-stringify/sync';

/*
 * Each table of the analytics page as a CSV file (RFC 4180, a header row first), written by
 * csv-stringify so commas, quotes and line breaks in machine names are escaped, and names a
 * spreadsheet would take for a formula stay text.
 */

type Cell = string | number;

/** Text a spreadsheet would run as a formula (=, +, -, @ first) is kept as text by a quote. */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const percent = (share: number | null) => (share === null ? '' : Math.round(share * 10_000) / 100);

/** Refuses a table the viewer does not get: an advanced one with the flag off, members to a provider. */
function refuseMissing(table: AnalyticsTable, reason: 'flag' | 'scope'): never {
  if (reason === 'flag') {
    throw new AppError(
      404,
      'FEATURE_DISABLED',
      `The ${table} table comes with advanced analytics, which is off for this makerspace.`,
      {
        flag: 'ENABLE_ADVANCED_ANALYTICS',
      },
    );
  }
  throw new AppError(403, 'FORBIDDEN', 'Member counts are shown to the makerspace’s admins only.');
}

function rowsOf(table: AnalyticsTable, analytics: MakerspaceAnalytics): Cell[][] {
  switch (table) {
    case 'utilisation':
      return [
        ['Machine', 'Booked hours', 'Used hours', 'Open hours', 'Booked %', 'Used %'],
        ...analytics.utilisation.map((row) => [
          row.machineName,
          row.bookedHours,
          row.usedHours,
          row.openHours,
          percent(row.bookedShare),
          percent(row.usedShare),
        ]),
      ];
    case 'members':
      if (!analytics.members) refuseMissing(table, 'scope');
      return [
        ['Month', 'Active members', 'New members'],
        ...analytics.members.map((row) => [row.month, row.activeMembers, row.newMembers]),
      ];
    case 'no-shows': {
      const { overall, byMachine } = analytics.noShows;
      return [
        ['Machine', 'Ended bookings', 'No-shows', 'No-show %'],
        ...(byMachine ?? []).map((row) => [
          row.machineName,
          row.endedBookings,
          row.noShows,
          percent(row.rate),
        ]),
        ['All machines', overall.endedBookings, overall.noShows, percent(overall.rate)],
      ];
    }
    case 'busiest-hours': {
      if (!analytics.busiestHours) refuseMissing(table, 'flag');
      const booked = new Map(
        analytics.busiestHours.map((cell) => [`${cell.weekday}:${cell.hour}`, cell.bookedHours]),
      );
      return [
        ['Weekday', 'Hour', 'Booked hours'],
        ...weekdays.flatMap((day, index) =>
          Array.from({ length: 24 }, (_, hour) => [
            day,
            `${String(hour).padStart(2, '0')}:00`,
            booked.get(`${index + 1}:${hour}`) ?? 0,
          ]),
        ),
      ];
    }
    case 'revenue':
      if (!analytics.revenue) refuseMissing(table, 'flag');
      return [
        ['Month', 'Invoiced', 'Currency'],
        ...analytics.revenue.map((row) => [row.month, row.invoicedCents / 100, row.currency]),
      ];
  }
}

/** The table as CSV text, and the file name it downloads as. */
export function analyticsCsv(table: AnalyticsTable, analytics: MakerspaceAnalytics) {
  return {
    fileName: `${analytics.makerspace.slug}-${table}-${analytics.from}-to-${analytics.to}.csv`,
    text: stringify(rowsOf(table, analytics), {
      record_delimiter: 'windows',
      cast: { string: inert },
    }),
  };
}
