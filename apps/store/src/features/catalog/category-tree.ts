import type { Category } from '@makrx/contracts';

/** The category and its ancestors, root first: the catalog page's breadcrumbs. */
export function categoryPath(categories: Category[], slug: string): Category[] {
  const path: Category[] = [];
  let current = categories.find((category) => category.slug === slug);
  while (current && !path.includes(current)) {
    path.unshift(current);
    const parent = current.parentSlug;
    current = parent ? categories.find((category) => category.slug === parent) : undefined;
  }
  return path;
}

/** How deep a category sits: 0 at the top of the tree. */
export function depthOf(categories: Category[], slug: string): number {
  return Math.max(categoryPath(categories, slug).length - 1, 0);
}

/** Products in the whole catalog: the top-level categories' counts already hold their subtrees. */
export function catalogProductCount(categories: Category[]): number {
  return categories
    .filter((category) => category.parentSlug === null)
    .reduce((sum, category) => sum + category.productCount, 0);
}
