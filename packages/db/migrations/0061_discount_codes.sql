CREATE TABLE "store"."promotion_categories" (
	"promotion_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	CONSTRAINT "promotion_categories_promotion_id_category_id_pk" PRIMARY KEY("promotion_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "store"."promotion_redemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"promotion_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"buyer" text NOT NULL,
	"buyer_use" integer NOT NULL,
	"discount_cents" integer NOT NULL,
	"redeemed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotion_redemptions_order_unique" UNIQUE("promotion_id","order_id"),
	CONSTRAINT "promotion_redemptions_buyer_use_unique" UNIQUE("promotion_id","buyer","buyer_use"),
	CONSTRAINT "promotion_redemptions_buyer_use_positive" CHECK ("store"."promotion_redemptions"."buyer_use" > 0)
);
--> statement-breakpoint
CREATE TABLE "store"."promotions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"value" integer NOT NULL,
	"currency" text NOT NULL,
	"min_subtotal_cents" integer DEFAULT 0 NOT NULL,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_until" timestamp with time zone,
	"usage_limit" integer,
	"per_buyer_limit" integer DEFAULT 1 NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotions_code_shape" CHECK ("store"."promotions"."code" ~ '^[A-Za-z0-9_-]{3,40}$'),
	CONSTRAINT "promotions_kind_known" CHECK ("store"."promotions"."kind" in ('percent', 'fixed')),
	CONSTRAINT "promotions_status_known" CHECK ("store"."promotions"."status" in ('active', 'archived')),
	CONSTRAINT "promotions_value_range" CHECK ("store"."promotions"."value" > 0 and ("store"."promotions"."kind" <> 'percent' or "store"."promotions"."value" <= 100)),
	CONSTRAINT "promotions_currency_shape" CHECK ("store"."promotions"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "promotions_min_not_negative" CHECK ("store"."promotions"."min_subtotal_cents" >= 0),
	CONSTRAINT "promotions_validity_order" CHECK ("store"."promotions"."valid_until" is null or "store"."promotions"."valid_until" > "store"."promotions"."valid_from"),
	CONSTRAINT "promotions_usage_limit_positive" CHECK ("store"."promotions"."usage_limit" is null or "store"."promotions"."usage_limit" > 0),
	CONSTRAINT "promotions_per_buyer_positive" CHECK ("store"."promotions"."per_buyer_limit" > 0),
	CONSTRAINT "promotions_used_within_limit" CHECK ("store"."promotions"."used" >= 0 and ("store"."promotions"."usage_limit" is null or "store"."promotions"."used" <= "store"."promotions"."usage_limit"))
);
--> statement-breakpoint
ALTER TABLE "store"."orders" DROP CONSTRAINT "orders_totals_add_up";--> statement-breakpoint
ALTER TABLE "store"."orders" ADD COLUMN "discount_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "store"."orders" ADD COLUMN "discount_code" text;--> statement-breakpoint
ALTER TABLE "store"."promotion_categories" ADD CONSTRAINT "promotion_categories_promotion_id_promotions_id_fk" FOREIGN KEY ("promotion_id") REFERENCES "store"."promotions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."promotion_categories" ADD CONSTRAINT "promotion_categories_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "store"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."promotion_redemptions" ADD CONSTRAINT "promotion_redemptions_promotion_id_promotions_id_fk" FOREIGN KEY ("promotion_id") REFERENCES "store"."promotions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."promotion_redemptions" ADD CONSTRAINT "promotion_redemptions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "store"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "promotion_redemptions_order_idx" ON "store"."promotion_redemptions" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "promotions_code_unique" ON "store"."promotions" USING btree (lower("code"));--> statement-breakpoint
ALTER TABLE "store"."orders" ADD CONSTRAINT "orders_discount_within_subtotal" CHECK ("store"."orders"."discount_cents" between 0 and "store"."orders"."subtotal_cents");--> statement-breakpoint
ALTER TABLE "store"."orders" ADD CONSTRAINT "orders_totals_add_up" CHECK ("store"."orders"."total_cents" = "store"."orders"."subtotal_cents" - "store"."orders"."discount_cents" + "store"."orders"."shipping_cents" + "store"."orders"."tax_cents");