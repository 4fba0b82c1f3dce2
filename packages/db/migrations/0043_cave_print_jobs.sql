CREATE TABLE "makrcave"."print_offerings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"makerspace_id" uuid NOT NULL,
	"equipment_id" uuid NOT NULL,
	"material_key" text NOT NULL,
	"quality" text NOT NULL,
	"price_per_kg" integer NOT NULL,
	"machine_hourly_rate" integer NOT NULL,
	"setup_fee" integer DEFAULT 0 NOT NULL,
	"minimum_charge" integer DEFAULT 0 NOT NULL,
	"lead_time_days" integer DEFAULT 3 NOT NULL,
	"default_infill_percent" double precision DEFAULT 20 NOT NULL,
	"quantity_discounts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"validity_hours" integer DEFAULT 72 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "print_offerings_one_per_machine" UNIQUE("equipment_id","material_key","quality"),
	CONSTRAINT "print_offerings_quality_known" CHECK ("makrcave"."print_offerings"."quality" in ('draft', 'standard', 'fine')),
	CONSTRAINT "print_offerings_amounts" CHECK ("makrcave"."print_offerings"."price_per_kg" >= 0 and "makrcave"."print_offerings"."machine_hourly_rate" >= 0 and "makrcave"."print_offerings"."setup_fee" >= 0 and "makrcave"."print_offerings"."minimum_charge" >= 0),
	CONSTRAINT "print_offerings_lead_time" CHECK ("makrcave"."print_offerings"."lead_time_days" between 0 and 60),
	CONSTRAINT "print_offerings_infill" CHECK ("makrcave"."print_offerings"."default_infill_percent" between 0 and 100),
	CONSTRAINT "print_offerings_validity" CHECK ("makrcave"."print_offerings"."validity_hours" between 1 and 720)
);
--> statement-breakpoint
CREATE TABLE "makrcave"."provider_settings" (
	"makerspace_id" uuid PRIMARY KEY NOT NULL,
	"takes_print_jobs" boolean DEFAULT false NOT NULL,
	"response_window_minutes" integer DEFAULT 120 NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"platform_fee_bps" integer DEFAULT 1000 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_settings_window_range" CHECK ("makrcave"."provider_settings"."response_window_minutes" between 15 and 10080),
	CONSTRAINT "provider_settings_fee_range" CHECK ("makrcave"."provider_settings"."platform_fee_bps" between 0 and 10000),
	CONSTRAINT "provider_settings_location_pair" CHECK (("makrcave"."provider_settings"."latitude" is null) = ("makrcave"."provider_settings"."longitude" is null) and coalesce("makrcave"."provider_settings"."latitude" between -90 and 90, true) and coalesce("makrcave"."provider_settings"."longitude" between -180 and 180, true))
);
--> statement-breakpoint
CREATE TABLE "makrcave"."service_job_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"makerspace_id" uuid NOT NULL,
	"offering_id" uuid,
	"equipment_id" uuid,
	"status" text DEFAULT 'offered' NOT NULL,
	"reason" text,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "service_job_offers_once_per_provider" UNIQUE("job_id","makerspace_id"),
	CONSTRAINT "service_job_offers_status_known" CHECK ("makrcave"."service_job_offers"."status" in ('offered', 'accepted', 'rejected', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "makrcave"."service_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_order_id" uuid NOT NULL,
	"order_number" text NOT NULL,
	"request" jsonb NOT NULL,
	"status" text NOT NULL,
	"makerspace_id" uuid,
	"equipment_id" uuid,
	"respond_by" timestamp with time zone,
	"price_total" integer NOT NULL,
	"currency" text NOT NULL,
	"reservation_id" uuid,
	"accepted_at" timestamp with time zone,
	"platform_fee_bps" integer,
	"tracking_url" text,
	"reason" text,
	"rating" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_jobs_service_order_id_unique" UNIQUE("service_order_id"),
	CONSTRAINT "service_jobs_status_known" CHECK ("makrcave"."service_jobs"."status" in ('offered', 'accepted', 'printing', 'quality_check', 'shipped', 'delivered', 'rejected', 'expired', 'unroutable', 'cancelled')),
	CONSTRAINT "service_jobs_rating_range" CHECK ("makrcave"."service_jobs"."rating" is null or "makrcave"."service_jobs"."rating" between 1 and 5),
	CONSTRAINT "service_jobs_price" CHECK ("makrcave"."service_jobs"."price_total" >= 0),
	CONSTRAINT "service_jobs_offered_has_provider" CHECK ("makrcave"."service_jobs"."status" <> 'offered' or ("makrcave"."service_jobs"."makerspace_id" is not null and "makrcave"."service_jobs"."respond_by" is not null))
);
--> statement-breakpoint
ALTER TABLE "makrcave"."reservations" ADD COLUMN "kind" text DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."reservations" ADD COLUMN "service_job_id" uuid;--> statement-breakpoint
ALTER TABLE "makrcave"."print_offerings" ADD CONSTRAINT "print_offerings_makerspace_id_makerspaces_id_fk" FOREIGN KEY ("makerspace_id") REFERENCES "makrcave"."makerspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."print_offerings" ADD CONSTRAINT "print_offerings_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "makrcave"."equipment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."provider_settings" ADD CONSTRAINT "provider_settings_makerspace_id_makerspaces_id_fk" FOREIGN KEY ("makerspace_id") REFERENCES "makrcave"."makerspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."service_job_offers" ADD CONSTRAINT "service_job_offers_job_id_service_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "makrcave"."service_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."service_job_offers" ADD CONSTRAINT "service_job_offers_makerspace_id_makerspaces_id_fk" FOREIGN KEY ("makerspace_id") REFERENCES "makrcave"."makerspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."service_job_offers" ADD CONSTRAINT "service_job_offers_offering_id_print_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "makrcave"."print_offerings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."service_job_offers" ADD CONSTRAINT "service_job_offers_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "makrcave"."equipment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."service_jobs" ADD CONSTRAINT "service_jobs_makerspace_id_makerspaces_id_fk" FOREIGN KEY ("makerspace_id") REFERENCES "makrcave"."makerspaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."service_jobs" ADD CONSTRAINT "service_jobs_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "makrcave"."equipment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "print_offerings_makerspace_idx" ON "makrcave"."print_offerings" USING btree ("makerspace_id");--> statement-breakpoint
CREATE INDEX "service_job_offers_makerspace_idx" ON "makrcave"."service_job_offers" USING btree ("makerspace_id");--> statement-breakpoint
CREATE INDEX "service_jobs_makerspace_idx" ON "makrcave"."service_jobs" USING btree ("makerspace_id");--> statement-breakpoint
CREATE INDEX "service_jobs_offered_idx" ON "makrcave"."service_jobs" USING btree ("respond_by") WHERE "makrcave"."service_jobs"."status" = 'offered';--> statement-breakpoint
CREATE INDEX "reservations_service_job_idx" ON "makrcave"."reservations" USING btree ("service_job_id");--> statement-breakpoint
ALTER TABLE "makrcave"."reservations" ADD CONSTRAINT "reservations_kind_job" CHECK (("makrcave"."reservations"."kind" = 'service_job') = ("makrcave"."reservations"."service_job_id" is not null) and "makrcave"."reservations"."kind" in ('member', 'service_job'));