/* How sessions and passes tell times in words (notifications, the booking refusal). */

/**
 * Makerspaces record no time zone yet: session times are told in India Standard Time, the zone
 * of every demo makerspace with trainings, until the makerspace's own zone replaces it. The
 * refusal's details carry the exact instant, for the app to show in the viewer's zone.
 */
const SESSION_TIME_ZONE = 'Asia/Kolkata';

const startFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: SESSION_TIME_ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: SESSION_TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "8 December 2027": the day a pass expires. */
export const describeDay = (at: Date): string => dayFormat.format(at);

/** "Tue 8 Dec, 18:00": a session's start as people say it. */
export function describeStart(at: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    startFormat.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')}, ${part('hour')}:${part('minute')}`;
}
