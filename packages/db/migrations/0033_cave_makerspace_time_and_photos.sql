CREATE TABLE "makrcave"."makerspace_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"makerspace_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"alt" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "makerspace_photos_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "makerspace_photos_content_type_known" CHECK ("makrcave"."makerspace_photos"."content_type" in ('image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "makerspace_photos_size_limit" CHECK ("makrcave"."makerspace_photos"."byte_size" between 1 and 5242880)
);
--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD COLUMN "max_booking_minutes" integer DEFAULT 240 NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD COLUMN "min_lead_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD COLUMN "max_days_ahead" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."makerspaces" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."makerspaces" ADD COLUMN "weekly_hours" jsonb DEFAULT '{"mon":[],"tue":[],"wed":[],"thu":[],"fri":[],"sat":[],"sun":[]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."makerspaces" ADD COLUMN "closures" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."makerspace_photos" ADD CONSTRAINT "makerspace_photos_makerspace_id_makerspaces_id_fk" FOREIGN KEY ("makerspace_id") REFERENCES "makrcave"."makerspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "makerspace_photos_makerspace_idx" ON "makrcave"."makerspace_photos" USING btree ("makerspace_id","position");--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD CONSTRAINT "equipment_booking_limits_sane" CHECK ("makrcave"."equipment"."max_booking_minutes" between 15 and 10080 and "makrcave"."equipment"."min_lead_minutes" between 0 and 10080 and "makrcave"."equipment"."max_days_ahead" between 1 and 365);--> statement-breakpoint
ALTER TABLE "makrcave"."makerspaces" ADD CONSTRAINT "makerspaces_weekly_hours_object" CHECK (jsonb_typeof("makrcave"."makerspaces"."weekly_hours") = 'object');--> statement-breakpoint
ALTER TABLE "makrcave"."makerspaces" ADD CONSTRAINT "makerspaces_closures_array" CHECK (jsonb_typeof("makrcave"."makerspaces"."closures") = 'array');