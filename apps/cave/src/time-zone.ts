/**
 * The zone a makerspace's times are shown in when a screen has not got the makerspace's own
 * (its settings' zone, which the makerspace page, dashboard and calendar answers carry): the
 * demo makerspace's, MakrX Hub Bengaluru. The maintenance panel still uses it.
 */
const UNTIL_MAKERSPACES_HAVE_A_TIME_ZONE = 'Asia/Kolkata';

/** The zone to draw a makerspace's times in, given what the service said (if anything). */
export function makerspaceTimeZone(fromService?: string | null): string {
  return fromService ?? UNTIL_MAKERSPACES_HAVE_A_TIME_ZONE;
}

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
