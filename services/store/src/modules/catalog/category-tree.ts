import type { Category, CategoryDetail, CategorySummary } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { categories, products } from './tables';

interface TreeNode {
  id: string;
  slug: string;
  name: string;
  description: string;
  parentId: string | null;
  ownProducts: number;
}

/** The whole category tree, read at once: it is small, and every question about it is a walk. */
export class CategoryTree {
  private readonly byId: Map<string, TreeNode>;

  constructor(private readonly nodes: TreeNode[]) {
    this.byId = new Map(nodes.map((node) => [node.id, node]));
  }

  bySlug(slug: string): TreeNode | undefined {
    return this.nodes.find((node) => node.slug === slug);
  }

  childrenOf(id: string | null): TreeNode[] {
    return this.nodes.filter((node) => node.parentId === id);
  }

  /** The node's ancestors, root first (the node itself not included). */
  ancestorsOf(id: string): TreeNode[] {
    const path: TreeNode[] = [];
    let current = this.byId.get(id)?.parentId ?? null;
    while (current !== null) {
      const node = this.byId.get(current);
      if (!node || path.includes(node)) break;
      path.unshift(node);
      current = node.parentId;
    }
    return path;
  }

  /** The node and everything under it. */
  subtreeIds(id: string): string[] {
    const ids = [id];
    for (let i = 0; i < ids.length; i += 1) {
      ids.push(...this.childrenOf(ids[i]!).map((child) => child.id));
    }
    return ids;
  }

  /** Depth-first, parents before their children, each level in display order. */
  ordered(): TreeNode[] {
    const visit = (parentId: string | null): TreeNode[] =>
      this.childrenOf(parentId).flatMap((node) => [node, ...visit(node.id)]);
    return visit(null);
  }

  toCategory(node: TreeNode): Category {
    const productCount = this.subtreeIds(node.id).reduce(
      (sum, id) => sum + (this.byId.get(id)?.ownProducts ?? 0),
      0,
    );
    const parent = node.parentId ? this.byId.get(node.parentId) : undefined;
    return {
      slug: node.slug,
      name: node.name,
      description: node.description,
      parentSlug: parent?.slug ?? null,
      productCount,
    };
  }

  /** Root first, ending with the node itself: breadcrumbs. */
  pathTo(id: string): CategorySummary[] {
    const node = this.byId.get(id);
    if (!node) return [];
    return [...this.ancestorsOf(id), node].map(({ slug, name }) => ({ slug, name }));
  }
}

export async function loadCategoryTree(db: Database): Promise<CategoryTree> {
  const rows = await db
    .select({
      id: categories.id,
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      parentId: categories.parentId,
      ownProducts: sql<number>`cast(count(${products.id}) as integer)`,
    })
    .from(categories)
    .leftJoin(products, and(eq(products.categoryId, categories.id), isNull(products.archivedAt)))
    .groupBy(categories.id)
    .orderBy(asc(categories.position), asc(categories.name));
  return new CategoryTree(rows);
}

/** Every category, parents before children, with the product counts of their subtrees. */
export async function listCategories(db: Database): Promise<Category[]> {
  const tree = await loadCategoryTree(db);
  return tree.ordered().map((node) => tree.toCategory(node));
}

export async function findCategory(db: Database, slug: string): Promise<CategoryDetail | null> {
  const tree = await loadCategoryTree(db);
  const node = tree.bySlug(slug);
  if (!node) return null;
  return {
    ...tree.toCategory(node),
    ancestors: tree.ancestorsOf(node.id).map(({ slug: s, name }) => ({ slug: s, name })),
    children: tree.childrenOf(node.id).map((child) => tree.toCategory(child)),
  };
}

/** `category_id` is the category of `slug` or one below it, however deep. */
export function inCategorySubtree(categoryId: SQL | typeof products.categoryId, slug: string): SQL {
  return sql`${categoryId} in (
    with recursive subtree(id) as (
      select top.id from store.categories top where top.slug = ${slug}
      union all
      select child.id from store.categories child join subtree on child.parent_id = subtree.id
    )
    select id from subtree)`;
}
