import type { AnalyticsPeriod } from '@makrx/contracts';

/** A period of local dates the page asks about; both ends included. */
export type Period = AnalyticsPeriod;

export interface PeriodPreset {
  id: string;
  label: string;
  days: number;
}

/** The ready-made periods, each ending today. */
export const periodPresets: readonly PeriodPreset[] = [
  { id: '7d', label: 'Last 7 days', days: 7 },
  { id: '30d', label: 'Last 30 days', days: 30 },
  { id: '90d', label: 'Last 90 days', days: 90 },
  { id: '365d', label: 'Last 12 months', days: 365 },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The `days` days that end on `today` (`YYYY-MM-DD`, the makerspace's), today included. */
export function periodEnding(today: string, days: number): Period {
  const first = Date.parse(`${today}T00:00:00Z`) - (days - 1) * DAY_MS;
  return { from: new Date(first).toISOString().slice(0, 10), to: today };
}

/** Why a custom period cannot be asked for, in words, or null when it can. */
export function periodProblem({ from, to }: Period): string | null {
  if (!from || !to) return 'Choose both a first and a last day.';
  if (from > to) return 'The last day comes before the first.';
  const limit = new Date(`${from}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  if (Date.parse(`${to}T00:00:00Z`) >= limit.getTime()) return 'Choose at most a year.';
  return null;
}

const dayFormat = new Intl.DateTimeFormat('en-IN', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "5 Nov 2026 – 4 Dec 2026", for headings and file names alike. */
export function describePeriod({ from, to }: Period): string {
  const format = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));
  return from === to ? format(from) : `${format(from)} – ${format(to)}`;
}

const monthFormat = new Intl.DateTimeFormat('en-IN', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2026-11" → "Nov 2026". */
export const monthLabel = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));
