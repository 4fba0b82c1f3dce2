CREATE TABLE "auth"."profile_highlights" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"achievements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"featured_projects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "makrcave"."memberships" (
	"makerspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_makerspace_id_user_id_role_pk" PRIMARY KEY("makerspace_id","user_id","role"),
	CONSTRAINT "memberships_role_known" CHECK ("makrcave"."memberships"."role" in ('makerspace_admin', 'service_provider', 'member'))
);
--> statement-breakpoint
ALTER TABLE "auth"."profile_highlights" ADD CONSTRAINT "profile_highlights_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."memberships" ADD CONSTRAINT "memberships_makerspace_id_makerspaces_id_fk" FOREIGN KEY ("makerspace_id") REFERENCES "makrcave"."makerspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "makrcave"."memberships" USING btree ("user_id");