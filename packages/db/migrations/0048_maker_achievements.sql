CREATE TABLE "makrcave"."featured_projects" (
	"user_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "featured_projects_user_id_project_id_pk" PRIMARY KEY("user_id","project_id"),
	CONSTRAINT "featured_projects_position_range" CHECK ("makrcave"."featured_projects"."position" between 0 and 5)
);
--> statement-breakpoint
CREATE TABLE "makrcave"."maker_achievements" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"project_id" uuid,
	"earned_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maker_achievements_user_id_key_pk" PRIMARY KEY("user_id","key"),
	CONSTRAINT "maker_achievements_key_shape" CHECK ("makrcave"."maker_achievements"."key" ~ '^[a-z0-9-]+(:[0-9a-f-]{36})?$')
);
--> statement-breakpoint
CREATE TABLE "makrcave"."profile_syncs" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "makrcave"."featured_projects" ADD CONSTRAINT "featured_projects_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."featured_projects" ADD CONSTRAINT "featured_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "makrcave"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."maker_achievements" ADD CONSTRAINT "maker_achievements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."maker_achievements" ADD CONSTRAINT "maker_achievements_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "makrcave"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."profile_syncs" ADD CONSTRAINT "profile_syncs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "featured_projects_project_idx" ON "makrcave"."featured_projects" USING btree ("project_id");