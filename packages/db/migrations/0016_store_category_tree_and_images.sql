CREATE TABLE "store"."product_images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"alt" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_images_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "product_images_content_type_known" CHECK ("store"."product_images"."content_type" in ('image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "product_images_size_limit" CHECK ("store"."product_images"."byte_size" between 1 and 5242880)
);
--> statement-breakpoint
ALTER TABLE "store"."categories" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "store"."products" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "store"."product_images" ADD CONSTRAINT "product_images_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "store"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_images_product_idx" ON "store"."product_images" USING btree ("product_id","position");--> statement-breakpoint
ALTER TABLE "store"."categories" ADD CONSTRAINT "categories_parent_id_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "store"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "categories_parent_idx" ON "store"."categories" USING btree ("parent_id");--> statement-breakpoint
ALTER TABLE "store"."categories" ADD CONSTRAINT "categories_not_own_parent" CHECK ("store"."categories"."parent_id" <> "store"."categories"."id");