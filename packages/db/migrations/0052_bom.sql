CREATE TABLE "makrcave"."bom_inventory" (
	"code" text PRIMARY KEY NOT NULL,
	"stock" integer NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"low_stock_below" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "bom_inventory_stock_known" CHECK ("makrcave"."bom_inventory"."stock" >= 0 and "makrcave"."bom_inventory"."price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "makrcave"."bom_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"quantity" numeric(12, 3) NOT NULL,
	"unit" text DEFAULT 'pcs' NOT NULL,
	"code" text,
	"supplier" text,
	"notes" text,
	"status" text DEFAULT 'needed' NOT NULL,
	"order_number" text,
	"reorder_id" uuid,
	"position" integer NOT NULL,
	"price_when_added_cents" integer,
	"currency" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bom_items_quantity_positive" CHECK ("makrcave"."bom_items"."quantity" > 0),
	CONSTRAINT "bom_items_status_known" CHECK ("makrcave"."bom_items"."status" in ('needed', 'ordered', 'received')),
	CONSTRAINT "bom_items_code_shape" CHECK (code ~ '^[A-Z0-9][A-Z0-9-]*$'),
	CONSTRAINT "bom_items_price_has_currency" CHECK (("makrcave"."bom_items"."price_when_added_cents" is null) = ("makrcave"."bom_items"."currency" is null))
);
--> statement-breakpoint
CREATE TABLE "makrcave"."bom_order_updates" (
	"update_id" uuid PRIMARY KEY NOT NULL,
	"reorder_id" uuid NOT NULL,
	"status" text NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "makrcave"."bom_reorders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"makerspace_id" uuid,
	"items" jsonb NOT NULL,
	"order_number" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bom_reorders_kind_known" CHECK ("makrcave"."bom_reorders"."kind" in ('cart', 'purchase'))
);
--> statement-breakpoint
ALTER TABLE "makrcave"."bom_items" ADD CONSTRAINT "bom_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "makrcave"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."bom_order_updates" ADD CONSTRAINT "bom_order_updates_reorder_id_bom_reorders_id_fk" FOREIGN KEY ("reorder_id") REFERENCES "makrcave"."bom_reorders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."bom_reorders" ADD CONSTRAINT "bom_reorders_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "makrcave"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."bom_reorders" ADD CONSTRAINT "bom_reorders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bom_items_project_idx" ON "makrcave"."bom_items" USING btree ("project_id","position");--> statement-breakpoint
CREATE INDEX "bom_items_code_idx" ON "makrcave"."bom_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "bom_items_reorder_idx" ON "makrcave"."bom_items" USING btree ("reorder_id");--> statement-breakpoint
CREATE INDEX "bom_reorders_project_idx" ON "makrcave"."bom_reorders" USING btree ("project_id");