CREATE TABLE "makrcave"."project_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"alt" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_photos_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "project_photos_content_type_known" CHECK ("makrcave"."project_photos"."content_type" in ('image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "project_photos_size_limit" CHECK ("makrcave"."project_photos"."byte_size" between 1 and 5242880)
);
--> statement-breakpoint
ALTER TABLE "makrcave"."project_photos" ADD CONSTRAINT "project_photos_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "makrcave"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_photos_project_idx" ON "makrcave"."project_photos" USING btree ("project_id","position");