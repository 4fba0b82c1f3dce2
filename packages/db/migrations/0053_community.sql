CREATE TABLE "auth"."community_activity" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid NOT NULL,
	"makerspace_id" uuid,
	"makerspace_name" text,
	"project_id" uuid,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"link" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_activity_kind_known" CHECK ("auth"."community_activity"."kind" in ('project.published', 'project.completed', 'achievement.earned'))
);
--> statement-breakpoint
CREATE TABLE "auth"."maker_follows" (
	"follower_id" uuid NOT NULL,
	"maker_id" uuid NOT NULL,
	"followed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maker_follows_follower_id_maker_id_pk" PRIMARY KEY("follower_id","maker_id"),
	CONSTRAINT "maker_follows_not_self" CHECK ("auth"."maker_follows"."follower_id" <> "auth"."maker_follows"."maker_id")
);
--> statement-breakpoint
CREATE TABLE "auth"."makerspace_follows" (
	"follower_id" uuid NOT NULL,
	"makerspace_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"followed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "makerspace_follows_follower_id_makerspace_id_pk" PRIMARY KEY("follower_id","makerspace_id")
);
--> statement-breakpoint
ALTER TABLE "auth"."community_activity" ADD CONSTRAINT "community_activity_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."maker_follows" ADD CONSTRAINT "maker_follows_follower_id_users_id_fk" FOREIGN KEY ("follower_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."maker_follows" ADD CONSTRAINT "maker_follows_maker_id_users_id_fk" FOREIGN KEY ("maker_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."makerspace_follows" ADD CONSTRAINT "makerspace_follows_follower_id_users_id_fk" FOREIGN KEY ("follower_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_activity_user_idx" ON "auth"."community_activity" USING btree ("user_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "community_activity_makerspace_idx" ON "auth"."community_activity" USING btree ("makerspace_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "community_activity_project_idx" ON "auth"."community_activity" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "maker_follows_maker_idx" ON "auth"."maker_follows" USING btree ("maker_id");--> statement-breakpoint
CREATE INDEX "makerspace_follows_makerspace_idx" ON "auth"."makerspace_follows" USING btree ("makerspace_id");