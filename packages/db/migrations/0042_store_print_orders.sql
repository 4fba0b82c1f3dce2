CREATE TABLE "store"."print_order_updates" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"print_order_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"status" text NOT NULL,
	"provider_name" text,
	"reason" text,
	"at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store"."print_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"upload_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"quote" jsonb NOT NULL,
	"part_size_mm" jsonb NOT NULL,
	"volume_mm3" double precision NOT NULL,
	"print_minutes" integer NOT NULL,
	"due_by" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'awaiting_payment' NOT NULL,
	"job_id" uuid,
	"provider_makerspace_id" uuid,
	"provider_name" text,
	"tracking_url" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "print_orders_order_id_unique" UNIQUE("order_id"),
	CONSTRAINT "print_orders_status_known" CHECK ("store"."print_orders"."status" in ('awaiting_payment', 'routing', 'offered', 'accepted', 'printing', 'quality_check', 'shipped', 'delivered', 'unroutable', 'cancelled')),
	CONSTRAINT "print_orders_print_minutes_positive" CHECK ("store"."print_orders"."print_minutes" > 0)
);
--> statement-breakpoint
ALTER TABLE "store"."order_lines" ALTER COLUMN "variant_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "store"."order_lines" ADD COLUMN "kind" text DEFAULT 'product' NOT NULL;--> statement-breakpoint
ALTER TABLE "store"."print_order_updates" ADD CONSTRAINT "print_order_updates_print_order_id_print_orders_id_fk" FOREIGN KEY ("print_order_id") REFERENCES "store"."print_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."print_orders" ADD CONSTRAINT "print_orders_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "store"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."print_orders" ADD CONSTRAINT "print_orders_upload_id_model_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "store"."model_uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "print_order_updates_order_idx" ON "store"."print_order_updates" USING btree ("print_order_id","at");--> statement-breakpoint
CREATE INDEX "print_orders_owner_idx" ON "store"."print_orders" USING btree ("owner_id");--> statement-breakpoint
ALTER TABLE "store"."order_lines" ADD CONSTRAINT "order_lines_kind_known" CHECK ("store"."order_lines"."kind" in ('product', 'print'));--> statement-breakpoint
ALTER TABLE "store"."order_lines" ADD CONSTRAINT "order_lines_product_has_variant" CHECK (("store"."order_lines"."kind" = 'product') = ("store"."order_lines"."variant_id" is not null));--> statement-breakpoint
-- Print orders are sent by the provider who made them; the method is not offered at checkout.
INSERT INTO "store"."shipping_methods" ("code", "name", "description", "rate_cents", "free_from_cents", "active", "position") VALUES
  ('print-provider', 'Sent by the print provider', 'The makerspace that prints your parts sends them, tracked.', 0, NULL, false, 9);
