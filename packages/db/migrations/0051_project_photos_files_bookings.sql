CREATE TABLE "makrcave"."project_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_files_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "project_files_kind_known" CHECK ("makrcave"."project_files"."kind" in ('model', 'drawing', 'document', 'image', 'archive')),
	CONSTRAINT "project_files_size_limit" CHECK ("makrcave"."project_files"."byte_size" between 1 and 52428800),
	CONSTRAINT "project_files_name_length" CHECK (char_length("makrcave"."project_files"."name") between 1 and 200)
);
--> statement-breakpoint
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
ALTER TABLE "makrcave"."reservations" ADD COLUMN "project_id" uuid;--> statement-breakpoint
ALTER TABLE "makrcave"."project_files" ADD CONSTRAINT "project_files_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "makrcave"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."project_files" ADD CONSTRAINT "project_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."project_photos" ADD CONSTRAINT "project_photos_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "makrcave"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_files_project_idx" ON "makrcave"."project_files" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "project_photos_project_idx" ON "makrcave"."project_photos" USING btree ("project_id","position");--> statement-breakpoint
ALTER TABLE "makrcave"."reservations" ADD CONSTRAINT "reservations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "makrcave"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reservations_project_idx" ON "makrcave"."reservations" USING btree ("project_id") WHERE "makrcave"."reservations"."project_id" is not null;