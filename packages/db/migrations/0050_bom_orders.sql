CREATE TABLE "store"."bom_reorders" (
	"reorder_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"items" jsonb NOT NULL,
	"makerspace_id" uuid,
	"order_id" uuid,
	"linked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bom_reorders_linked_together" CHECK (("store"."bom_reorders"."order_id" is null) = ("store"."bom_reorders"."linked_at" is null))
);
--> statement-breakpoint
CREATE TABLE "store"."bom_watched_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"last_asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"told_stock" integer,
	"told_price_cents" integer,
	"told_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "store"."purchasing_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"makerspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"billing_email" text NOT NULL,
	"billing_address" jsonb NOT NULL,
	"monthly_limit_cents" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchasing_accounts_makerspace_id_unique" UNIQUE("makerspace_id"),
	CONSTRAINT "purchasing_accounts_limit_not_negative" CHECK ("store"."purchasing_accounts"."monthly_limit_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "store"."bom_reorders" ADD CONSTRAINT "bom_reorders_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "store"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bom_reorders_open_idx" ON "store"."bom_reorders" USING btree ("user_id","created_at") WHERE "store"."bom_reorders"."order_id" is null;--> statement-breakpoint
CREATE INDEX "bom_reorders_order_idx" ON "store"."bom_reorders" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "bom_watched_codes_asked_idx" ON "store"."bom_watched_codes" USING btree ("last_asked_at");