import {
  priceBuckets,
  type FacetValue,
  type ProductSearchPage,
  type ProductSearchQuery,
  type SearchFacets,
} from '@makrx/contracts';
import { searchCoverRank, webSearchQuery, type Database } from '@makrx/db';
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { loadCategoryTree, type CategoryTree } from './category-tree';
import { summaryColumns, toSummary, variantTotals } from './products';
import { categories, categoryNameDocument, productSearchDocument, products } from './tables';

/** What a search needs to know of each product that matched, before it is filtered and paged. */
interface Candidate {
  id: string;
  categoryId: string;
  priceCents: number;
  stock: number;
  material: string | null;
  createdAt: Date;
  featuredRank: number | null;
  name: string;
  rank: number;
}

/** The lowest trigram similarity at which a catalog word is taken as what was meant. */
const WORD_SIMILARITY = 0.3;
/** How close a product's name must come to the whole query in the last-resort fallback. */
const NAME_SIMILARITY = 0.4;
/** As many results as this or fewer count as "little found": a better spelling is looked for. */
const FEW_RESULTS = 2;

async function candidates(db: Database, match: SQL | undefined, rank: SQL<number>) {
  const totals = variantTotals(db);
  const rows = await db
    .select({
      id: products.id,
      categoryId: products.categoryId,
      priceCents: totals.priceCents,
      stock: totals.stock,
      // Material from the specifications, else from a variant option (a filament's "material").
      material: sql<string | null>`coalesce(${products.specs}->>'Material', (
        select min(v.options->>'material') from store.product_variants v where v.product_id = ${products.id}))`,
      createdAt: products.createdAt,
      featuredRank: products.featuredRank,
      name: products.name,
      rank,
    })
    .from(products)
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .innerJoin(totals, eq(totals.productId, products.id))
    .where(and(isNull(products.archivedAt), match));
  return rows as Candidate[];
}

/**
 * The words a product is found by in this search: its own (name A, brand and SKU B, summary C,
 * description D) and its category's name (B).
 */
export const catalogDocument = () =>
  sql`(${productSearchDocument(products)} || ${categoryNameDocument(categories)})`;

/**
 * Full text, ranked by cover density: "printer" puts what sits in "Printer parts" above a
 * stepper motor whose description mentions printers.
 */
const fullText = (db: Database, text: string) => {
  const query = webSearchQuery(text);
  const document = catalogDocument();
  return candidates(db, sql`${document} @@ ${query}`, searchCoverRank(document, query));
};

/**
 * The query with each word replaced by the catalog word most like it (pg_trgm similarity), or
 * null when nothing would change: "filamnet" → "filament". A word the catalog knows stays as
 * it is, unless `otherWords`: then it becomes the catalog's closest other word, for a query
 * that found only a little ("nozle", in one product's name, → "nozzle").
 */
async function correctedQuery(
  db: Database,
  text: string,
  otherWords = false,
): Promise<string | null> {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  let changed = false;
  const corrected: string[] = [];
  for (const word of words) {
    if (word.length < 3) {
      corrected.push(word);
      continue;
    }
    const { rows } = await db.execute<{ word: string }>(sql`
      select word from (
        select distinct regexp_split_to_table(lower(name || ' ' || brand || ' ' || summary), '[^a-z0-9]+') as word
        from store.products where archived_at is null
        union
        select distinct regexp_split_to_table(lower(name), '[^a-z0-9]+') from store.categories
      ) vocabulary
      where length(word) >= 3 and similarity(word, ${word}) >= ${WORD_SIMILARITY}
        and (${!otherWords} or word <> ${word})
      order by similarity(word, ${word}) desc, word
      limit 1`);
    const best = rows[0]?.word ?? word;
    if (best !== word) changed = true;
    corrected.push(best);
  }
  return changed ? corrected.join(' ') : null;
}

/** Products whose name comes close to the whole query, when no word could be corrected. */
const similarNames = (db: Database, text: string) => {
  const score = sql<number>`word_similarity(${text}, ${products.name} || ' ' || ${products.brand})`;
  return candidates(db, sql`${score} >= ${NAME_SIMILARITY}`, score);
};

interface Found {
  candidates: Candidate[];
  correctedQuery: string | null;
  suggestedQuery: string | null;
}

const asTyped = (candidates: Candidate[]): Found => ({
  candidates,
  correctedQuery: null,
  suggestedQuery: null,
});

/**
 * Full text first; with typo tolerance, when that finds nothing, the corrected query's results
 * ("Showing results for …") and then name similarity; when it finds only a few, the corrected
 * query is offered if it finds more ("Did you mean …?"). `exact` searches as typed, no more.
 */
async function findCandidates(
  db: Database,
  text: string,
  tolerant: boolean,
  exact: boolean,
): Promise<Found> {
  if (text === '') return asTyped(await candidates(db, undefined, sql<number>`0`));
  const typed = await fullText(db, text);
  if (!tolerant || typed.length > FEW_RESULTS) return asTyped(typed);
  const corrected = exact ? null : await correctedQuery(db, text, typed.length > 0);
  const found = corrected ? await fullText(db, corrected) : [];
  if (typed.length > 0) {
    const better = corrected !== null && found.length > typed.length;
    return { ...asTyped(typed), suggestedQuery: better ? corrected : null };
  }
  if (corrected && found.length > 0) return { ...asTyped(found), correctedQuery: corrected };
  if (exact) return asTyped([]);
  return asTyped(await similarNames(db, text));
}

type Filter = (candidate: Candidate) => boolean;
type FacetName = 'category' | 'price' | 'inStock' | 'material';

function filtersOf(query: ProductSearchQuery, tree: CategoryTree, advanced: boolean) {
  const filters: Partial<Record<FacetName, Filter>> = {};
  if (query.category) {
    const node = tree.bySlug(query.category);
    const ids = new Set(node ? tree.subtreeIds(node.id) : []);
    filters.category = (c) => ids.has(c.categoryId);
  }
  if (!advanced) return filters;
  if (query.price) {
    const bucket = priceBuckets.find((b) => b.key === query.price)!;
    filters.price = (c) => inBucket(c.priceCents, bucket);
  }
  if (query.inStock) filters.inStock = (c) => c.stock > 0;
  if (query.material) {
    const wanted = query.material.toLowerCase();
    filters.material = (c) => c.material?.toLowerCase() === wanted;
  }
  return filters;
}

const inBucket = (cents: number, bucket: (typeof priceBuckets)[number]) =>
  cents >= bucket.minCents && (bucket.maxCents === null || cents <= bucket.maxCents);

/** Every facet counted over the candidates that pass all the other facets' filters. */
function countFacets(
  all: Candidate[],
  filters: Partial<Record<FacetName, Filter>>,
  tree: CategoryTree,
): SearchFacets {
  const passingAllBut = (facet: FacetName) =>
    all.filter((c) =>
      Object.entries(filters).every(([name, filter]) => name === facet || filter(c)),
    );
  const byCategory = passingAllBut('category');
  const categoryFacet: FacetValue[] = tree
    .ordered()
    .map((node) => {
      const ids = new Set(tree.subtreeIds(node.id));
      return {
        value: node.slug,
        label: node.name,
        count: byCategory.filter((c) => ids.has(c.categoryId)).length,
      };
    })
    .filter((value) => value.count > 0);
  const byPrice = passingAllBut('price');
  const prices = priceBuckets
    .map((bucket) => ({
      value: bucket.key,
      label: bucket.label,
      count: byPrice.filter((c) => inBucket(c.priceCents, bucket)).length,
    }))
    .filter((value) => value.count > 0);
  const materials = new Map<string, number>();
  for (const c of passingAllBut('material')) {
    if (c.material) materials.set(c.material, (materials.get(c.material) ?? 0) + 1);
  }
  return {
    categories: categoryFacet,
    prices,
    inStock: passingAllBut('inStock').filter((c) => c.stock > 0).length,
    materials: [...materials]
      .map(([value, count]) => ({ value, label: value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
  };
}

const byName = (a: Candidate, b: Candidate) => a.name.localeCompare(b.name);
const ORDER: Record<ProductSearchQuery['sort'], (a: Candidate, b: Candidate) => number> = {
  relevance: (a, b) =>
    b.rank - a.rank || (a.featuredRank ?? Infinity) - (b.featuredRank ?? Infinity) || byName(a, b),
  'price-asc': (a, b) => a.priceCents - b.priceCents || byName(a, b),
  'price-desc': (a, b) => b.priceCents - a.priceCents || byName(a, b),
  newest: (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || byName(a, b),
};

/**
 * The store's product search: full text over name, brand, SKU, description and category
 * name; with ENABLE_ADVANCED_SEARCH (`advanced`) also typo tolerance and facets. The
 * matching products are narrowed in memory: a catalog's matches for one query are few enough,
 * and every facet needs the whole matching set anyway.
 */
export async function searchCatalog(
  db: Database,
  query: ProductSearchQuery,
  advanced: boolean,
): Promise<ProductSearchPage> {
  const [found, tree] = await Promise.all([
    findCandidates(db, query.q, advanced, query.exact === true),
    loadCategoryTree(db),
  ]);
  const filters = filtersOf(query, tree, advanced);
  const matching = found.candidates
    .filter((c) => Object.values(filters).every((filter) => filter(c)))
    .sort(ORDER[query.sort]);
  const start = (query.page - 1) * query.pageSize;
  const pageIds = matching.slice(start, start + query.pageSize).map((c) => c.id);
  return {
    items: await summariesInOrder(db, pageIds),
    page: query.page,
    pageSize: query.pageSize,
    total: matching.length,
    totalPages: Math.ceil(matching.length / query.pageSize),
    advanced,
    correctedQuery: found.correctedQuery,
    suggestedQuery: found.suggestedQuery,
    ...(advanced ? { facets: countFacets(found.candidates, filters, tree) } : {}),
  };
}

async function summariesInOrder(db: Database, ids: string[]) {
  if (ids.length === 0) return [];
  const totals = variantTotals(db);
  const rows = await db
    .select({
      ...summaryColumns(totals),
      onlyVariantId: sql<string | null>`(select case when count(*) = 1 then min(v.id::text) end
        from store.product_variants v where v.product_id = ${products.id} and v.archived_at is null)`,
    })
    .from(products)
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .innerJoin(totals, eq(totals.productId, products.id))
    .where(inArray(products.id, ids));
  const byId = new Map(
    rows.map(({ onlyVariantId, ...row }) => [row.id, { ...toSummary(row), onlyVariantId }]),
  );
  return ids.map((id) => byId.get(id)!);
}
