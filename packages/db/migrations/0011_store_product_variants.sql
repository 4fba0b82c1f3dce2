CREATE TABLE "store"."product_variants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"price_cents" integer NOT NULL,
	"stock" integer DEFAULT 0 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "product_variants_sku_unique" UNIQUE("sku"),
	CONSTRAINT "product_variants_sku_shape" CHECK ("store"."product_variants"."sku" ~ '^[A-Z0-9][A-Z0-9-]*$'),
	CONSTRAINT "product_variants_price_not_negative" CHECK ("store"."product_variants"."price_cents" >= 0),
	CONSTRAINT "product_variants_stock_not_negative" CHECK ("store"."product_variants"."stock" >= 0)
);
--> statement-breakpoint
ALTER TABLE "store"."products" DROP CONSTRAINT "products_price_not_negative";--> statement-breakpoint
ALTER TABLE "store"."products" DROP CONSTRAINT "products_stock_not_negative";--> statement-breakpoint
ALTER TABLE "store"."product_variants" ADD CONSTRAINT "product_variants_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "store"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_variants_product_idx" ON "store"."product_variants" USING btree ("product_id","position");--> statement-breakpoint
-- Every product becomes its own first variant, keeping its SKU, price and stock.
INSERT INTO "store"."product_variants" ("product_id", "sku", "price_cents", "stock", "position")
  SELECT "id", "sku", "price_cents", "stock", 0 FROM "store"."products";--> statement-breakpoint
-- Listings show variant prices and stock, so a variant change drops cached listings too
-- (services/store/src/modules/catalog/listing-cache.ts, migration 0001).
CREATE TRIGGER product_variants_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON store.product_variants
  FOR EACH STATEMENT EXECUTE FUNCTION store.notify_catalog_changed();--> statement-breakpoint
ALTER TABLE "store"."products" DROP COLUMN "price_cents";--> statement-breakpoint
ALTER TABLE "store"."products" DROP COLUMN "stock";