import { describe, expect, it } from 'vitest';
import { pageFromSearch } from './page-from-search';

describe('pageFromSearch', () => {
  it('reads a positive whole page number', () => {
    expect(pageFromSearch(new URLSearchParams('page=3'))).toBe(3);
  });

  it('falls back to the first page when the number is absent or malformed', () => {
    for (const search of ['', 'page=0', 'page=-2', 'page=1.5', 'page=abc']) {
      expect(pageFromSearch(new URLSearchParams(search))).toBe(1);
    }
  });
});
