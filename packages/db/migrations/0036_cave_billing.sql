CREATE TABLE "makrcave"."billing_settings" (
	"makerspace_id" uuid PRIMARY KEY NOT NULL,
	"invoice_prefix" text NOT NULL,
	"payment_due_days" integer DEFAULT 14 NOT NULL,
	CONSTRAINT "billing_settings_prefix_shape" CHECK ("makrcave"."billing_settings"."invoice_prefix" ~ '^[A-Z]{2,6}$'),
	CONSTRAINT "billing_settings_due_days_range" CHECK ("makrcave"."billing_settings"."payment_due_days" between 0 and 90)
);
--> statement-breakpoint
CREATE TABLE "makrcave"."invoice_counters" (
	"makerspace_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "invoice_counters_makerspace_id_year_pk" PRIMARY KEY("makerspace_id","year")
);
--> statement-breakpoint
CREATE TABLE "makrcave"."membership_invoice_lines" (
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_cents" integer NOT NULL,
	"amount_cents" integer NOT NULL,
	"equipment_id" uuid,
	CONSTRAINT "membership_invoice_lines_invoice_id_position_pk" PRIMARY KEY("invoice_id","position"),
	CONSTRAINT "membership_invoice_lines_kind_known" CHECK ("makrcave"."membership_invoice_lines"."kind" in ('plan', 'usage', 'discount'))
);
--> statement-breakpoint
CREATE TABLE "makrcave"."membership_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"makerspace_id" uuid NOT NULL,
	"subscription_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"currency" text NOT NULL,
	"subtotal_cents" integer NOT NULL,
	"tax_cents" integer DEFAULT 0 NOT NULL,
	"total_cents" integer NOT NULL,
	"paid_at" timestamp with time zone,
	"payment_method" text,
	"payment_reference" text,
	"payment_idempotency_key" text,
	CONSTRAINT "invoices_once_per_period" UNIQUE("subscription_id","period_start"),
	CONSTRAINT "invoices_number_per_makerspace" UNIQUE("makerspace_id","number"),
	CONSTRAINT "membership_invoices_status_known" CHECK ("makrcave"."membership_invoices"."status" in ('open', 'paid', 'void')),
	CONSTRAINT "membership_invoices_total_adds_up" CHECK ("makrcave"."membership_invoices"."total_cents" = "makrcave"."membership_invoices"."subtotal_cents" + "makrcave"."membership_invoices"."tax_cents"),
	CONSTRAINT "membership_invoices_paid_has_payment" CHECK (("makrcave"."membership_invoices"."status" = 'paid') = ("makrcave"."membership_invoices"."paid_at" is not null and "makrcave"."membership_invoices"."payment_method" is not null)),
	CONSTRAINT "membership_invoices_period_order" CHECK ("makrcave"."membership_invoices"."period_end" >= "makrcave"."membership_invoices"."period_start")
);
--> statement-breakpoint
CREATE TABLE "makrcave"."membership_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"makerspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"interval" text NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"included_hours" integer DEFAULT 0 NOT NULL,
	"discount_percent" integer DEFAULT 0 NOT NULL,
	"premium" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_plans_name_per_makerspace" UNIQUE("makerspace_id","name"),
	CONSTRAINT "membership_plans_interval_known" CHECK ("makrcave"."membership_plans"."interval" in ('monthly', 'yearly')),
	CONSTRAINT "membership_plans_price_not_negative" CHECK ("makrcave"."membership_plans"."price_cents" >= 0),
	CONSTRAINT "membership_plans_currency_shape" CHECK ("makrcave"."membership_plans"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "membership_plans_hours_not_negative" CHECK ("makrcave"."membership_plans"."included_hours" >= 0),
	CONSTRAINT "membership_plans_discount_range" CHECK ("makrcave"."membership_plans"."discount_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "makrcave"."membership_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"makerspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_subscriptions_ends_after_start" CHECK ("makrcave"."membership_subscriptions"."ends_on" is null or "makrcave"."membership_subscriptions"."ends_on" > "makrcave"."membership_subscriptions"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "makrcave"."billing_settings" ADD CONSTRAINT "billing_settings_makerspace_id_makerspaces_id_fk" FOREIGN KEY ("makerspace_id") REFERENCES "makrcave"."makerspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."invoice_counters" ADD CONSTRAINT "invoice_counters_makerspace_id_makerspaces_id_fk" FOREIGN KEY ("makerspace_id") REFERENCES "makrcave"."makerspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."membership_invoice_lines" ADD CONSTRAINT "membership_invoice_lines_invoice_id_membership_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "makrcave"."membership_invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."membership_invoice_lines" ADD CONSTRAINT "membership_invoice_lines_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "makrcave"."equipment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."membership_invoices" ADD CONSTRAINT "membership_invoices_makerspace_id_makerspaces_id_fk" FOREIGN KEY ("makerspace_id") REFERENCES "makrcave"."makerspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."membership_invoices" ADD CONSTRAINT "membership_invoices_subscription_id_membership_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "makrcave"."membership_subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."membership_invoices" ADD CONSTRAINT "membership_invoices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."membership_invoices" ADD CONSTRAINT "membership_invoices_plan_id_membership_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "makrcave"."membership_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."membership_plans" ADD CONSTRAINT "membership_plans_makerspace_id_makerspaces_id_fk" FOREIGN KEY ("makerspace_id") REFERENCES "makrcave"."makerspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."membership_subscriptions" ADD CONSTRAINT "membership_subscriptions_makerspace_id_makerspaces_id_fk" FOREIGN KEY ("makerspace_id") REFERENCES "makrcave"."makerspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."membership_subscriptions" ADD CONSTRAINT "membership_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."membership_subscriptions" ADD CONSTRAINT "membership_subscriptions_plan_id_membership_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "makrcave"."membership_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_invoices_user_idx" ON "makrcave"."membership_invoices" USING btree ("makerspace_id","user_id");--> statement-breakpoint
CREATE INDEX "membership_subscriptions_makerspace_idx" ON "makrcave"."membership_subscriptions" USING btree ("makerspace_id");