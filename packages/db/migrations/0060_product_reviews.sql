CREATE TABLE "store"."product_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"rating" smallint NOT NULL,
	"title" text,
	"body" text NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"hidden_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_reviews_one_per_buyer" UNIQUE("product_id","user_id"),
	CONSTRAINT "product_reviews_rating_range" CHECK ("store"."product_reviews"."rating" between 1 and 5),
	CONSTRAINT "product_reviews_body_length" CHECK (char_length("store"."product_reviews"."body") between 10 and 4000),
	CONSTRAINT "product_reviews_title_length" CHECK (char_length("store"."product_reviews"."title") <= 120),
	CONSTRAINT "product_reviews_hidden_with_reason" CHECK (("store"."product_reviews"."hidden_at" is null) = ("store"."product_reviews"."hidden_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "store"."product_reviews" ADD CONSTRAINT "product_reviews_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "store"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_reviews_visible_idx" ON "store"."product_reviews" USING btree ("product_id","created_at" DESC NULLS LAST) WHERE "store"."product_reviews"."hidden_at" is null;--> statement-breakpoint
CREATE INDEX "product_reviews_created_idx" ON "store"."product_reviews" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "product_reviews_user_idx" ON "store"."product_reviews" USING btree ("user_id");