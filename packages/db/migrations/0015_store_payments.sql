CREATE TABLE "store"."payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"provider_payment_id" text,
	"status" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"failure_code" text,
	"failure_message" text,
	"provider_refund_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_provider_payment_id_unique" UNIQUE("provider_payment_id"),
	CONSTRAINT "payments_status_known" CHECK ("store"."payments"."status" in ('processing', 'requires_action', 'succeeded', 'failed', 'refunded')),
	CONSTRAINT "payments_amount_positive" CHECK ("store"."payments"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "store"."processed_webhook_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"type" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Orders placed before this get a random token of their own.
ALTER TABLE "store"."orders" ADD COLUMN "access_token" text NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text);--> statement-breakpoint
ALTER TABLE "store"."orders" ALTER COLUMN "access_token" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "store"."payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "store"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_success_per_order" ON "store"."payments" USING btree ("order_id") WHERE "store"."payments"."status" in ('succeeded', 'refunded');--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "store"."payments" USING btree ("order_id");