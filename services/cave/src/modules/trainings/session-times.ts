import type { Database } from '@makrx/db';
import { makerspacePlacesById } from '../makerspaces/service';

/*
 * How sessions and passes tell times in words (notifications, the booking refusal): in the
 * makerspace's own time zone, as its members read its clock. The refusal's details carry the
 * exact instant too, for the app to show as it likes.
 */

export interface TimesInWords {
  /** "Tue 8 Dec, 18:00": a session's start as people say it. */
  start(at: Date): string;
  /** "8 December 2027": the day a pass expires. */
  day(at: Date): string;
}

export function timesInWords(timeZone: string): TimesInWords {
  const startFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const dayFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return {
    start(at) {
      const part = (type: Intl.DateTimeFormatPartTypes) =>
        startFormat.formatToParts(at).find((p) => p.type === type)?.value ?? '';
      return `${part('weekday')} ${part('day')} ${part('month')}, ${part('hour')}:${part('minute')}`;
    },
    day: (at) => dayFormat.format(at),
  };
}

/** Times in words in the time zone of the makerspace `makerspaceId`. */
export async function timesAt(db: Database, makerspaceId: string): Promise<TimesInWords> {
  const [place] = await makerspacePlacesById(db, [makerspaceId]);
  return timesInWords(place?.timeZone ?? 'UTC');
}
