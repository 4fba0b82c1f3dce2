ALTER TABLE "store"."orders" DROP CONSTRAINT "orders_idempotency_key_unique";--> statement-breakpoint
ALTER TABLE "store"."product_variants" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "store"."orders" ADD COLUMN "idempotency_scope" text;--> statement-breakpoint
-- Orders placed before keys were scoped: their buyer's scope (a guest's cart is not known, so
-- the email alone).
UPDATE "store"."orders" SET "idempotency_scope" = CASE
  WHEN "user_id" IS NOT NULL THEN 'user:' || "user_id"
  ELSE 'guest:-:' || lower("email")
END;--> statement-breakpoint
ALTER TABLE "store"."orders" ALTER COLUMN "idempotency_scope" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "orders_pending_email_idx" ON "store"."orders" USING btree (lower("email")) WHERE "store"."orders"."status" = 'pending_payment';--> statement-breakpoint
CREATE INDEX "orders_pending_address_idx" ON "store"."orders" USING btree (lower(regexp_replace(coalesce("shipping_address" ->> 'line1', '') || '|' || coalesce("shipping_address" ->> 'line2', '') || '|' || coalesce("shipping_address" ->> 'postalCode', '') || '|' || coalesce("shipping_address" ->> 'country', ''), '[^[:alnum:]|]', '', 'g'))) WHERE "store"."orders"."status" = 'pending_payment';--> statement-breakpoint
ALTER TABLE "store"."orders" ADD CONSTRAINT "orders_idempotency_scope_key_unique" UNIQUE("idempotency_scope","idempotency_key");