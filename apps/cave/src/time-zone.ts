/*
 * A makerspace's times are drawn in its own IANA zone, which every answer about it carries
 * (the makerspace, its dashboard and calendars, a booking's makerspace): there is no default.
 */

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `at`, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormats.set(timeZone, format);
  }
  const part = (type: string) =>
    Number(format.formatToParts(at).find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The UTC instant of a wall-clock time in the makerspace's zone ("2026-12-07T10:00", as a
 * `datetime-local` field gives it), correct on either side of a daylight-saving change.
 */
export function zonedToUtc(local: string, timeZone: string): string {
  const asIfUtc = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  if (Number.isNaN(asIfUtc)) throw new RangeError(`Not a date and time: ${local}`);
  const first = asIfUtc - offsetAt(asIfUtc, timeZone);
  // The offset can differ at the true instant when a change lies between the two guesses.
  const settled = asIfUtc - offsetAt(first, timeZone);
  return new Date(settled).toISOString();
}

/** The wall-clock time in `timeZone` of a UTC instant, as a `datetime-local` field takes it. */
export function utcToZoned(iso: string, timeZone: string): string {
  const at = Date.parse(iso);
  return new Date(at + offsetAt(at, timeZone)).toISOString().slice(0, 16);
}
