import { describe, expect, it } from 'vitest';
import { parseSearchQuery, searchHref, toggledFilter } from './search-query';

describe('the search page URL', () => {
  it('reads a search with its filters, ignoring what cannot be right', () => {
    expect(
      parseSearchQuery({
        q: ' pla ',
        price: 'free',
        inStock: 'true',
        sort: 'cheapest',
        page: '-2',
        category: 'Bad Slug',
      }),
    ).toEqual({
      q: 'pla',
      inStock: true,
      sort: 'relevance',
      page: 1,
      category: undefined,
      price: undefined,
      material: undefined,
    });
  });

  it('writes short links and turns a filter on and off', () => {
    const query = parseSearchQuery({ q: 'pla', material: 'PLA', page: '3' });
    expect(searchHref(query)).toBe('/search?q=pla&material=PLA&page=3');
    expect(toggledFilter(query, 'material', 'PLA')).toBe('/search?q=pla');
    expect(toggledFilter(query, 'inStock', true)).toBe('/search?q=pla&inStock=true&material=PLA');
  });

  it('keeps a search as typed ("Search instead for") through its links', () => {
    const query = parseSearchQuery({ q: 'filamnet', exact: 'true' });
    expect(query.exact).toBe(true);
    expect(searchHref(query)).toBe('/search?q=filamnet&exact=true');
    expect(toggledFilter(query, 'inStock', true)).toBe(
      '/search?q=filamnet&inStock=true&exact=true',
    );
    expect(parseSearchQuery({ q: 'filamnet', exact: 'yes' }).exact).toBeUndefined();
  });
});
