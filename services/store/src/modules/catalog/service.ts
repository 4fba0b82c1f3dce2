/**
 * The catalog module's service: what the rest of the store may ask of it. Other modules and
 * the flows import this file only, never the catalog's tables or its other files (the lint
 * rule in eslint.config.js refuses them).
 */
export {
  notForSale,
  releaseStock,
  stockToTake,
  takeStock,
  type StockRequest,
  type TakenStock,
} from './stock';
export {
  categoryOfVariants,
  productsUnderCategories,
  categoriesNamed,
  productsById,
  productWithVariantsBySlug,
  variantsById,
  variantsBySku,
  type VariantView,
} from './variant-views';
export { searchProducts, suggestSearches } from './search';
export { LOW_STOCK, lowStockVariants } from './low-stock';
