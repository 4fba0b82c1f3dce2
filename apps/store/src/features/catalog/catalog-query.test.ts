import { describe, expect, it } from 'vitest';
import { catalogHref, parseCatalogQuery } from './catalog-query';

describe('the catalog URL', () => {
  it('opens on the first page of featured products across all categories', () => {
    expect(parseCatalogQuery({})).toEqual({ category: undefined, sort: 'featured', page: 1 });
  });

  it('reads category, sort and page from the query string', () => {
    expect(parseCatalogQuery({ category: 'filament', sort: 'price-asc', page: '2' })).toEqual({
      category: 'filament',
      sort: 'price-asc',
      page: 2,
    });
  });

  it('falls back to defaults for values nobody should have typed', () => {
    expect(parseCatalogQuery({ category: '../etc', sort: 'cheapest', page: '-3' })).toEqual({
      category: undefined,
      sort: 'featured',
      page: 1,
    });
    expect(parseCatalogQuery({ page: 'two' }).page).toBe(1);
  });

  it('takes the first of repeated parameters', () => {
    expect(parseCatalogQuery({ category: ['resin', 'tools'] }).category).toBe('resin');
  });

  it('leaves defaults out of links so they stay short and shareable', () => {
    expect(catalogHref({})).toBe('/');
    expect(catalogHref({ sort: 'featured', page: 1 })).toBe('/');
    expect(catalogHref({ category: 'tools', sort: 'name', page: 3 })).toBe(
      '/?category=tools&sort=name&page=3',
    );
  });

  it('reads back every link it writes', () => {
    const query = { category: 'printer-parts', sort: 'price-desc', page: 4 } as const;
    const search = new URLSearchParams(catalogHref(query).slice(2));
    expect(parseCatalogQuery(Object.fromEntries(search))).toEqual(query);
  });
});
