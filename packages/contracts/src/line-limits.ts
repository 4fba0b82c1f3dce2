/**
 * Units of one item a cart line or an order line may hold: what one buyer may reasonably
 * take, so no single order holds a product's whole stock while it waits for payment. A module
 * of its own, so the product page's form reads it without loading the schemas.
 */
export const MAX_UNITS_PER_LINE = 20;
