import { describe, expect, it } from 'vitest';
import { placeText, ratingText } from './card-text';
import { heroTiles, portalPitches, type LandingFlags } from './presentation';
import { printStatusText, statusTone } from './status-text';

const urls = {
  gateway: 'https://makrx.org',
  cave: 'https://makrcave.com',
  store: 'https://makrx.store',
};
const allOff: LandingFlags = {
  makerSpotlight: false,
  stlUpload: false,
  serviceMarketplace: false,
  bomOrdering: false,
  realTimeEquipmentStatus: false,
};
const allOn: LandingFlags = {
  makerSpotlight: true,
  stlUpload: true,
  serviceMarketplace: true,
  bomOrdering: true,
  realTimeEquipmentStatus: true,
};

describe('the hero’s tiles', () => {
  it('each lead to a real page: print quotes, makerspaces, the electronics shelf, the makers', () => {
    expect(heroTiles(urls, { stlUpload: true }).map((tile) => [tile.caption, tile.href])).toEqual([
      ['3D printing', 'https://makrx.store/print'],
      ['Laser cutting', 'https://makrcave.com'],
      ['Electronics', 'https://makrx.store/?category=electronics'],
      ['Community', '/makers'],
    ]);
  });

  it('send 3D printing to the makerspaces’ printers while model uploads are off', () => {
    expect(heroTiles(urls, { stlUpload: false })[0]!.href).toBe('https://makrcave.com');
  });
});

describe('the portal cards', () => {
  it('lead into each portal, the hub itself by a route of its own', () => {
    expect(portalPitches(urls, allOff).map((pitch) => [pitch.portal, pitch.href])).toEqual([
      ['org', '/makers'],
      ['cave', 'https://makrcave.com'],
      ['store', 'https://makrx.store'],
    ]);
  });

  it('name a feature only while its flag is on', () => {
    const off = portalPitches(urls, allOff).flatMap((pitch) => pitch.highlights);
    for (const promise of [
      'Featured makers',
      'Live machine status',
      'Project bills of materials',
      'Instant 3D printing quotes',
      'Print providers near you',
    ]) {
      expect(off).not.toContain(promise);
    }
    const on = portalPitches(urls, allOn).flatMap((pitch) => pitch.highlights);
    expect(on).toEqual(
      expect.arrayContaining([
        'Featured makers',
        'Live machine status',
        'Instant 3D printing quotes',
      ]),
    );
  });
});

describe('words on the landing and My ecosystem', () => {
  it('say where a place is with what is known', () => {
    expect(placeText('Bengaluru', 'India')).toBe('Bengaluru, India');
    expect(placeText('Austin', '')).toBe('Austin');
  });

  it('read a provider’s rating, or call it new before the first', () => {
    expect(ratingText({ average: 4.66, count: 12 })).toBe('4.7 ★ (12 ratings)');
    expect(ratingText({ average: 5, count: 1 })).toBe('5.0 ★ (1 rating)');
    expect(ratingText({ average: null, count: 0 })).toBe('New provider');
  });

  it('tell waiting, moving, done and stopped apart', () => {
    expect(statusTone('pending_payment')).toBe('warning');
    expect(statusTone('printing')).toBe('info');
    expect(statusTone('delivered')).toBe('success');
    expect(statusTone('refunded')).toBe('neutral');
    expect(printStatusText('routing')).toBe('Finding a provider');
    expect(printStatusText('something_new')).toBe('something new');
  });
});
