CREATE SEQUENCE "store"."order_numbers" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100001 CACHE 1;--> statement-breakpoint
CREATE TABLE "store"."order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"product_name" text NOT NULL,
	"product_slug" text NOT NULL,
	"options" jsonb NOT NULL,
	"unit_price_cents" integer NOT NULL,
	"quantity" integer NOT NULL,
	"line_total_cents" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "order_lines_quantity_positive" CHECK ("store"."order_lines"."quantity" > 0),
	CONSTRAINT "order_lines_total" CHECK ("store"."order_lines"."line_total_cents" = "store"."order_lines"."unit_price_cents" * "store"."order_lines"."quantity")
);
--> statement-breakpoint
CREATE TABLE "store"."order_status_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"from_status" text,
	"status" text NOT NULL,
	"note" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store"."orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text DEFAULT 'MX-' || nextval('store.order_numbers') NOT NULL,
	"user_id" uuid,
	"email" text NOT NULL,
	"status" text DEFAULT 'pending_payment' NOT NULL,
	"currency" text NOT NULL,
	"subtotal_cents" integer NOT NULL,
	"shipping_cents" integer NOT NULL,
	"tax_cents" integer NOT NULL,
	"total_cents" integer NOT NULL,
	"tax_rate_basis_points" integer NOT NULL,
	"shipping_method" text NOT NULL,
	"shipping_address" jsonb NOT NULL,
	"tracking_number" text,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_number_unique" UNIQUE("number"),
	CONSTRAINT "orders_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "orders_status_known" CHECK ("store"."orders"."status" in ('pending_payment', 'paid', 'in_fulfilment', 'shipped', 'delivered', 'cancelled', 'refunded')),
	CONSTRAINT "orders_totals_add_up" CHECK ("store"."orders"."total_cents" = "store"."orders"."subtotal_cents" + "store"."orders"."shipping_cents" + "store"."orders"."tax_cents"),
	CONSTRAINT "orders_shipped_have_tracking" CHECK ("store"."orders"."status" <> 'shipped' or "store"."orders"."tracking_number" is not null)
);
--> statement-breakpoint
CREATE TABLE "store"."shipping_methods" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"rate_cents" integer NOT NULL,
	"free_from_cents" integer,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "shipping_methods_code_shape" CHECK ("store"."shipping_methods"."code" ~ '^[a-z0-9-]+$'),
	CONSTRAINT "shipping_methods_rate_not_negative" CHECK ("store"."shipping_methods"."rate_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "store"."tax_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" text NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"rate_basis_points" integer NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "tax_rates_destination" UNIQUE("country","region"),
	CONSTRAINT "tax_rates_country_shape" CHECK ("store"."tax_rates"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "tax_rates_rate_range" CHECK ("store"."tax_rates"."rate_basis_points" between 0 and 10000)
);
--> statement-breakpoint
ALTER TABLE "store"."order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "store"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."order_lines" ADD CONSTRAINT "order_lines_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "store"."product_variants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."order_status_history" ADD CONSTRAINT "order_status_history_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "store"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."orders" ADD CONSTRAINT "orders_shipping_method_shipping_methods_code_fk" FOREIGN KEY ("shipping_method") REFERENCES "store"."shipping_methods"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_lines_order_idx" ON "store"."order_lines" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_status_history_order_idx" ON "store"."order_status_history" USING btree ("order_id","id");--> statement-breakpoint
CREATE INDEX "orders_user_idx" ON "store"."orders" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_pending_expiry_idx" ON "store"."orders" USING btree ("expires_at") WHERE "store"."orders"."status" = 'pending_payment';--> statement-breakpoint
-- The store's starting shipping methods and tax rates; store admins change them later.
INSERT INTO "store"."shipping_methods" ("code", "name", "description", "rate_cents", "free_from_cents", "position") VALUES
  ('standard', 'Standard shipping', '3–5 business days, tracked.', 599, 7500, 0),
  ('express', 'Express shipping', 'Next business day when ordered by 2 pm.', 1499, NULL, 1),
  ('pickup', 'Pick up at the makerspace', 'Collect it from the front desk, usually the same day.', 0, NULL, 2);--> statement-breakpoint
INSERT INTO "store"."tax_rates" ("country", "region", "rate_basis_points", "label") VALUES
  ('US', 'CA', 725, 'California sales tax'),
  ('US', 'NY', 400, 'New York sales tax'),
  ('US', 'TX', 625, 'Texas sales tax'),
  ('US', 'WA', 650, 'Washington sales tax'),
  ('GB', '', 2000, 'UK VAT'),
  ('DE', '', 1900, 'German VAT'),
  ('IN', '', 1800, 'India GST'),
  ('CA', '', 500, 'Canadian GST');
