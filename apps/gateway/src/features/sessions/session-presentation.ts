import type { ActiveSession } from '@makrx/contracts';
import Bowser from 'bowser';

const appNames: Record<string, string> = {
  'makrx-org-frontend': 'MakrX.org',
  'makrcave-frontend': 'MakrCave',
  'makrx-store-frontend': 'MakrX.Store',
};

export type DeviceKind = 'phone' | 'tablet' | 'computer' | 'unknown';

export interface SessionDevice {
  /** "Firefox on Linux", "Safari on iOS"; "Unknown browser" when nothing was seen. */
  label: string;
  kind: DeviceKind;
}

/** What a user agent says about the device, in words a person recognises. */
export function deviceOf(userAgent: string | null): SessionDevice {
  if (!userAgent) return { label: 'Unknown browser', kind: 'unknown' };
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name;
  const system = parsed.os.name;
  const label =
    browser && system ? `${browser} on ${system}` : (browser ?? system ?? 'Unknown browser');
  const platform = parsed.platform.type;
  const kind: DeviceKind =
    platform === 'mobile'
      ? 'phone'
      : platform === 'tablet'
        ? 'tablet'
        : platform === 'desktop'
          ? 'computer'
          : 'unknown';
  return { label, kind };
}

/** The apps signed in under a session, by the names people know them by. */
export const appsOf = (session: Pick<ActiveSession, 'apps'>): string[] =>
  session.apps.map((clientId) => appNames[clientId] ?? clientId);

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 days ago". */
export function timeAgo(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return 'just now';
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (seconds >= size) return format.format(-Math.floor(seconds / size), unit);
  }
  return 'just now';
}

/** This device first, then the most recently active. */
export const inDisplayOrder = (sessions: ActiveSession[]): ActiveSession[] =>
  [...sessions].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastActiveAt.localeCompare(a.lastActiveAt),
  );
