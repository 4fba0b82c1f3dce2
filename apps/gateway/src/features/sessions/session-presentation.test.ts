import type { ActiveSession } from '@makrx/contracts';
import { describe, expect, it } from 'vitest';
import { appsOf, deviceOf, inDisplayOrder, timeAgo } from './session-presentation';

const session = (overrides: Partial<ActiveSession>): ActiveSession => ({
  id: 's',
  userAgent: null,
  ipAddress: null,
  signedInAt: '2026-12-01T10:00:00.000Z',
  lastActiveAt: '2026-12-01T10:00:00.000Z',
  current: false,
  apps: [],
  ...overrides,
});

describe('how a session is shown', () => {
  it('names the browser and system of a user agent, and whether it is a phone or a computer', () => {
    expect(
      deviceOf(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ label: 'Safari on iOS', kind: 'phone' });
    expect(
      deviceOf('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0'),
    ).toEqual({ label: 'Firefox on Linux', kind: 'computer' });
  });

  it('says "Unknown browser" when no user agent was seen', () => {
    expect(deviceOf(null)).toEqual({ label: 'Unknown browser', kind: 'unknown' });
  });

  it('names the apps by the names people know', () => {
    expect(appsOf({ apps: ['makrx-org-frontend', 'makrx-store-frontend'] })).toEqual([
      'MakrX.org',
      'MakrX.Store',
    ]);
  });

  it('says how long ago in words', () => {
    const now = new Date('2026-12-03T10:00:00.000Z');
    expect(timeAgo('2026-12-03T09:59:30.000Z', now)).toBe('just now');
    expect(timeAgo('2026-12-03T09:55:00.000Z', now)).toBe('5 minutes ago');
    expect(timeAgo('2026-12-02T09:00:00.000Z', now)).toBe('yesterday');
    expect(timeAgo('2026-11-30T10:00:00.000Z', now)).toBe('3 days ago');
  });

  it('lists this device first, then the most recently active', () => {
    const ordered = inDisplayOrder([
      session({ id: 'old', lastActiveAt: '2026-12-01T08:00:00.000Z' }),
      session({ id: 'here', current: true, lastActiveAt: '2026-12-01T07:00:00.000Z' }),
      session({ id: 'recent', lastActiveAt: '2026-12-01T09:00:00.000Z' }),
    ]);
    expect(ordered.map((s) => s.id)).toEqual(['here', 'recent', 'old']);
  });
});
