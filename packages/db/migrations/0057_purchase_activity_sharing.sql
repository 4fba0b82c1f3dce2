CREATE TABLE "auth"."purchase_activity_sharing" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"shown_on_profile" boolean DEFAULT false NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth"."purchase_activity_sharing" ADD CONSTRAINT "purchase_activity_sharing_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;