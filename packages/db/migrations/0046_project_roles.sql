CREATE TABLE "makrcave"."project_collaborators" (
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"invited_by" uuid,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "project_collaborators_project_id_user_id_pk" PRIMARY KEY("project_id","user_id"),
	CONSTRAINT "project_collaborators_role_known" CHECK ("makrcave"."project_collaborators"."role" in ('editor', 'viewer')),
	CONSTRAINT "project_collaborators_status_known" CHECK ("makrcave"."project_collaborators"."status" in ('invited', 'accepted')),
	CONSTRAINT "project_collaborators_accepted_when_accepted" CHECK (("makrcave"."project_collaborators"."status" = 'accepted') = ("makrcave"."project_collaborators"."accepted_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "makrcave"."projects" ADD COLUMN "status" text DEFAULT 'idea' NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."projects" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "makrcave"."project_collaborators" ADD CONSTRAINT "project_collaborators_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "makrcave"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."project_collaborators" ADD CONSTRAINT "project_collaborators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."project_collaborators" ADD CONSTRAINT "project_collaborators_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_collaborators_user_idx" ON "makrcave"."project_collaborators" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "makrcave"."projects" ADD CONSTRAINT "projects_status_known" CHECK ("makrcave"."projects"."status" in ('idea', 'in_progress', 'completed'));--> statement-breakpoint
ALTER TABLE "makrcave"."projects" ADD CONSTRAINT "projects_completed_when_completed" CHECK (("makrcave"."projects"."status" = 'completed') = ("makrcave"."projects"."completed_at" is not null));