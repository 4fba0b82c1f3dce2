CREATE TABLE "makrcave"."equipment_maintenance_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"equipment_id" uuid NOT NULL,
	"summary" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"performed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"performed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "makrcave"."equipment_maintenance_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"equipment_id" uuid NOT NULL,
	"during" "tstzrange" NOT NULL,
	"reason" text NOT NULL,
	"scheduled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipment_maintenance_windows_bounded" CHECK (not isempty("makrcave"."equipment_maintenance_windows"."during") and not lower_inf("makrcave"."equipment_maintenance_windows"."during") and not upper_inf("makrcave"."equipment_maintenance_windows"."during") and lower("makrcave"."equipment_maintenance_windows"."during") < upper("makrcave"."equipment_maintenance_windows"."during"))
);
--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ALTER COLUMN "kind" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD COLUMN "slug" text;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD COLUMN "type" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD COLUMN "make" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD COLUMN "model" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD COLUMN "location" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD COLUMN "specifications" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD COLUMN "requires_training" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD COLUMN "training_id" uuid;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Machines from before: a slug from the name (numbered where two names give the same one) and
-- a type from the free-text kind, before the constraints that need both.
WITH named AS (
	SELECT "id", "makerspace_id", coalesce(nullif(trim(BOTH '-' FROM regexp_replace(lower("name"), '[^a-z0-9]+', '-', 'g')), ''), 'machine') AS "base"
	FROM "makrcave"."equipment"
), numbered AS (
	SELECT "id", "base", row_number() OVER (PARTITION BY "makerspace_id", "base" ORDER BY "id") AS "n" FROM named
)
UPDATE "makrcave"."equipment" e SET "slug" = CASE WHEN numbered."n" = 1 THEN numbered."base" ELSE numbered."base" || '-' || numbered."n" END
FROM numbered WHERE numbered."id" = e."id";--> statement-breakpoint
UPDATE "makrcave"."equipment" SET "type" = CASE
	WHEN "kind" ~* '(3d|resin).*printer' THEN '3d_printer'
	WHEN "kind" ~* 'laser' THEN 'laser_cutter'
	WHEN "kind" ~* '(cnc|mill|router)' THEN 'cnc_mill'
	WHEN "kind" ~* 'vinyl' THEN 'vinyl_cutter'
	WHEN "kind" ~* 'electronics' THEN 'electronics_bench'
	ELSE 'other' END;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ALTER COLUMN "slug" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment_maintenance_log" ADD CONSTRAINT "equipment_maintenance_log_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "makrcave"."equipment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment_maintenance_log" ADD CONSTRAINT "equipment_maintenance_log_performed_by_users_id_fk" FOREIGN KEY ("performed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment_maintenance_windows" ADD CONSTRAINT "equipment_maintenance_windows_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "makrcave"."equipment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."equipment_maintenance_windows" ADD CONSTRAINT "equipment_maintenance_windows_scheduled_by_users_id_fk" FOREIGN KEY ("scheduled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "equipment_maintenance_log_machine_idx" ON "makrcave"."equipment_maintenance_log" USING btree ("equipment_id","performed_at");--> statement-breakpoint
CREATE INDEX "equipment_maintenance_windows_during_idx" ON "makrcave"."equipment_maintenance_windows" USING gist ("during");--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD CONSTRAINT "equipment_name_per_makerspace" UNIQUE("makerspace_id","name");--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD CONSTRAINT "equipment_slug_per_makerspace" UNIQUE("makerspace_id","slug");--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD CONSTRAINT "equipment_type_known" CHECK ("makrcave"."equipment"."type" in ('3d_printer', 'laser_cutter', 'cnc_mill', 'vinyl_cutter', 'electronics_bench', 'other'));--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD CONSTRAINT "equipment_slug_shape" CHECK ("makrcave"."equipment"."slug" ~ '^[a-z0-9][a-z0-9-]*$');--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD CONSTRAINT "equipment_specifications_object" CHECK (jsonb_typeof("makrcave"."equipment"."specifications") = 'object');