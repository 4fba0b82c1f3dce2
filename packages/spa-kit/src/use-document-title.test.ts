import { describe, expect, it } from 'vitest';
import { documentTitle } from './use-document-title';

describe('documentTitle', () => {
  it('puts the page before the portal name', () => {
    expect(documentTitle({ portal: 'org', tagline: 'Dream. Make. Share.' }, 'Makers')).toBe(
      'Makers · MakrX.org',
    );
  });

  it('introduces the portal with its tagline when the page has no title', () => {
    const cave = { portal: 'cave', tagline: 'Makerspaces and machines near you' } as const;
    expect(documentTitle(cave, undefined)).toBe('MakrCave — Makerspaces and machines near you');
  });
});
