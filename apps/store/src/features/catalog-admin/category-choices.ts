import type { Category } from '@makrx/contracts';
import { depthOf } from '../catalog/category-tree';

export interface CategoryChoice {
  slug: string;
  /** The name, indented by its depth in the tree: "— Filament". */
  label: string;
}

/** The categories as a product form offers them, in tree order. */
export const categoryChoicesOf = (categories: Category[]): CategoryChoice[] =>
  categories.map((category) => ({
    slug: category.slug,
    label: `${'— '.repeat(depthOf(categories, category.slug))}${category.name}`,
  }));
