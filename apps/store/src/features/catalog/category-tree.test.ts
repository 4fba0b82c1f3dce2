import type { Category } from '@makrx/contracts';
import { describe, expect, it } from 'vitest';
import { catalogProductCount, categoryPath, depthOf } from './category-tree';

const category = (slug: string, parentSlug: string | null, productCount: number): Category => ({
  slug,
  name: slug,
  description: '',
  parentSlug,
  productCount,
});
const tree = [
  category('3d-printing', null, 9),
  category('filament', '3d-printing', 6),
  category('pla', 'filament', 2),
  category('resin', '3d-printing', 3),
  category('tools', null, 4),
];

describe('the category tree in the catalog', () => {
  it('walks from a category up to the top for breadcrumbs', () => {
    expect(categoryPath(tree, 'pla').map((c) => c.slug)).toEqual([
      '3d-printing',
      'filament',
      'pla',
    ]);
    expect(categoryPath(tree, 'nothing')).toEqual([]);
  });

  it('knows how deep a category sits', () => {
    expect(depthOf(tree, 'tools')).toBe(0);
    expect(depthOf(tree, 'pla')).toBe(2);
  });

  it('counts the catalog from the top-level categories only', () => {
    expect(catalogProductCount(tree)).toBe(13);
  });
});
