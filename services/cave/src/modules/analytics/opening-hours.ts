/*
 * When a makerspace is open, which utilisation is measured against. Makerspaces keep their
 * opening hours as free text for now, so every makerspace is taken to open every day from
 * 09:00 to 21:00 in Asia/Kolkata (DEFAULT_OPENING). Once makerspaces record weekly hours and a
 * time zone, `openHoursIn` and `timeZoneOf` read those instead; nothing else here changes.
 */

/** The makerspace whose hours are asked for. */
export interface OpeningOf {
  id: string;
  slug: string;
}

/** A period of whole local days, both ends included (`YYYY-MM-DD`). */
export interface LocalPeriod {
  from: string;
  to: string;
}

/** The hours every makerspace is assumed to keep until it records its own. */
export const DEFAULT_OPENING = {
  timeZone: 'Asia/Kolkata',
  opensAt: 9,
  closesAt: 21,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The makerspace's IANA time zone: local hours, weekdays and months are read in it. */
export function timeZoneOf(_makerspace: OpeningOf): string {
  return DEFAULT_OPENING.timeZone;
}

/**
 * How many hours the makerspace is open in the period: under DEFAULT_OPENING, twelve hours on
 * each of its days (Asia/Kolkata keeps no daylight saving, so every day has them all).
 */
export function openHoursIn(_makerspace: OpeningOf, period: LocalPeriod): number {
  const days =
    (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY_MS + 1;
  return days * (DEFAULT_OPENING.closesAt - DEFAULT_OPENING.opensAt);
}
