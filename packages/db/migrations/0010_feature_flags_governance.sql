CREATE TABLE "feature_flag_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"flag_key" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" uuid,
	"justification" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "feature_flag_changes_justification" CHECK (length("feature_flag_changes"."justification") >= 10)
);
--> statement-breakpoint
CREATE TABLE "feature_flag_makerspace_overrides" (
	"flag_key" text NOT NULL,
	"makerspace_id" uuid NOT NULL,
	"enabled" boolean NOT NULL,
	CONSTRAINT "feature_flag_makerspace_overrides_flag_key_makerspace_id_pk" PRIMARY KEY("flag_key","makerspace_id")
);
--> statement-breakpoint
ALTER TABLE "feature_flags" ADD COLUMN "targeting" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "feature_flags" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "feature_flag_changes" ADD CONSTRAINT "feature_flag_changes_flag_key_feature_flags_key_fk" FOREIGN KEY ("flag_key") REFERENCES "public"."feature_flags"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_flag_changes" ADD CONSTRAINT "feature_flag_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_flag_makerspace_overrides" ADD CONSTRAINT "feature_flag_makerspace_overrides_flag_key_feature_flags_key_fk" FOREIGN KEY ("flag_key") REFERENCES "public"."feature_flags"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feature_flag_changes_flag_idx" ON "feature_flag_changes" USING btree ("flag_key","changed_at");--> statement-breakpoint
ALTER TABLE "feature_flags" ADD CONSTRAINT "feature_flags_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;