import { describe, expect, it } from 'vitest';
import { deletionOutcome, downloadFileName, timeZoneChoices, timeZoneLabel } from './presentation';
import { accountNavItems } from './sections';

describe('the account area', () => {
  it('lists the overview and every section, marking the page the person is on', () => {
    const items = accountNavItems('/account/data/', new Set());
    expect(items.map((i) => i.label)).toEqual([
      'Overview',
      'Profile',
      'Preferences',
      'Addresses',
      'Sessions',
      'Notifications',
      'Your data',
    ]);
    expect(items.filter((i) => i.active).map((i) => i.href)).toEqual(['/account/data']);
  });

  it('lists Passkeys only while the new sign-in flow is on', () => {
    const on = accountNavItems('/account/passkeys', new Set(['ENABLE_NEW_AUTHENTICATION_FLOW']));
    expect(on.map((i) => i.label)).toContain('Passkeys');
    expect(on.find((i) => i.active)?.href).toBe('/account/passkeys');
    expect(accountNavItems('/account', new Set()).map((i) => i.label)).not.toContain('Passkeys');
  });

  it('offers UTC first, then the zones the browser knows, written for people', () => {
    const zones = timeZoneChoices();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Europe/Berlin');
    expect(new Set(zones).size).toBe(zones.length);
    expect(timeZoneLabel('America/Argentina/Buenos_Aires')).toBe(
      'America / Argentina / Buenos Aires',
    );
  });

  it('saves the export under the name the service gave it, or a dated one', () => {
    const today = new Date('2026-03-04T10:00:00Z');
    expect(downloadFileName('attachment; filename="makrx-data-2026-03-04.json"', today)).toBe(
      'makrx-data-2026-03-04.json',
    );
    expect(downloadFileName(null, today)).toBe('makrx-data-2026-03-04.json');
  });

  it('says which services are still erasing when a deletion is pending', () => {
    expect(deletionOutcome({ status: 'done', pendingServices: [] })).toMatch(/is deleted/);
    expect(deletionOutcome({ status: 'pending', pendingServices: ['store'] })).toMatch(
      /MakrX\.Store will finish erasing/,
    );
  });
});
