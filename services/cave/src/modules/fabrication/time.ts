/*
 * Machine time for print jobs, as pure arithmetic over instants: when a job can start on a
 * machine, and how many hours a machine has free. A print starts while the makerspace is open
 * (someone puts it on the printer) and may run on after closing; it never overlaps a booking,
 * another job or maintenance.
 */

export interface Interval {
  startsAt: string;
  endsAt: string;
}

const ms = Date.parse;

/** Overlapping or touching intervals joined, earliest first. */
export function merged(intervals: readonly Interval[]): { start: number; end: number }[] {
  const sorted = intervals
    .map((i) => ({ start: ms(i.startsAt), end: ms(i.endsAt) }))
    .sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const next of sorted) {
    const last = out.at(-1);
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else out.push({ ...next });
  }
  return out;
}

/** The next quarter hour at or after `at`: where a suggested start lands. */
export function nextQuarterHour(at: number): number {
  const quarter = 15 * 60 * 1000;
  return Math.ceil(at / quarter) * quarter;
}

/**
 * The earliest instant a print of `minutes` can start on a machine: inside an open interval,
 * not before `notBefore`, ending by `dueBy`, overlapping nothing in `busy`. Null if none.
 */
export function earliestStart(input: {
  open: readonly Interval[];
  busy: readonly Interval[];
  minutes: number;
  notBefore: number;
  dueBy: number;
}): string | null {
  const open = merged(input.open);
  const busy = merged(input.busy);
  const length = input.minutes * 60 * 1000;
  const candidates = [
    ...open.map((o) => Math.max(o.start, input.notBefore)),
    ...busy.map((b) => b.end),
  ]
    .filter((at) => at >= input.notBefore)
    .sort((a, b) => a - b);
  for (const at of candidates) {
    if (at + length > input.dueBy) return null;
    if (!open.some((o) => at >= o.start && at < o.end)) continue;
    if (busy.some((b) => b.start < at + length && at < b.end)) continue;
    return new Date(at).toISOString();
  }
  return null;
}

/** Open time in `[from, to)` not covered by `busy`, in hours. */
export function freeHours(
  open: readonly Interval[],
  busy: readonly Interval[],
  from: number,
  to: number,
): number {
  const taken = merged(busy);
  let free = 0;
  for (const interval of merged(open)) {
    const start = Math.max(interval.start, from);
    const end = Math.min(interval.end, to);
    if (end <= start) continue;
    let length = end - start;
    for (const b of taken) length -= Math.max(0, Math.min(b.end, end) - Math.max(b.start, start));
    free += length;
  }
  return free / (60 * 60 * 1000);
}

/** Great-circle distance in km between two points (haversine). */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
