CREATE TABLE "makrcave"."equipment_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"equipment_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"alt" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipment_photos_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "equipment_photos_content_type_known" CHECK ("makrcave"."equipment_photos"."content_type" in ('image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "equipment_photos_size_limit" CHECK ("makrcave"."equipment_photos"."byte_size" between 1 and 5242880)
);
--> statement-breakpoint
ALTER TABLE "makrcave"."equipment_photos" ADD CONSTRAINT "equipment_photos_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "makrcave"."equipment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "equipment_photos_equipment_idx" ON "makrcave"."equipment_photos" USING btree ("equipment_id","position");