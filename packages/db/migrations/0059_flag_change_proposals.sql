CREATE TABLE "auth"."flag_change_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flag_key" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"justification" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"affected_users" integer NOT NULL,
	"audience_users" integer NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"applied_change_id" bigint,
	CONSTRAINT "flag_change_proposals_status" CHECK ("auth"."flag_change_proposals"."status" in ('open', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "flag_change_proposals_justification" CHECK (length("auth"."flag_change_proposals"."justification") >= 10),
	CONSTRAINT "flag_change_proposals_counts" CHECK ("auth"."flag_change_proposals"."affected_users" >= 0 and "auth"."flag_change_proposals"."affected_users" <= "auth"."flag_change_proposals"."audience_users"),
	CONSTRAINT "flag_change_proposals_other_decider" CHECK ("auth"."flag_change_proposals"."status" in ('open', 'withdrawn') or "auth"."flag_change_proposals"."decided_by" <> "auth"."flag_change_proposals"."proposed_by"),
	CONSTRAINT "flag_change_proposals_decided" CHECK (("auth"."flag_change_proposals"."status" = 'open') = ("auth"."flag_change_proposals"."decided_at" is null)
        and ("auth"."flag_change_proposals"."status" <> 'rejected' or "auth"."flag_change_proposals"."decision_reason" is not null)
        and ("auth"."flag_change_proposals"."status" = 'approved') = ("auth"."flag_change_proposals"."applied_change_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "feature_flag_changes" ADD COLUMN "emergency" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "feature_flags" ADD COLUMN "name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "auth"."flag_change_proposals" ADD CONSTRAINT "flag_change_proposals_flag_key_feature_flags_key_fk" FOREIGN KEY ("flag_key") REFERENCES "public"."feature_flags"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."flag_change_proposals" ADD CONSTRAINT "flag_change_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."flag_change_proposals" ADD CONSTRAINT "flag_change_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."flag_change_proposals" ADD CONSTRAINT "flag_change_proposals_applied_change_id_feature_flag_changes_id_fk" FOREIGN KEY ("applied_change_id") REFERENCES "public"."feature_flag_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "flag_change_proposals_one_open" ON "auth"."flag_change_proposals" USING btree ("flag_key") WHERE "auth"."flag_change_proposals"."status" = 'open';--> statement-breakpoint
CREATE INDEX "flag_change_proposals_flag_idx" ON "auth"."flag_change_proposals" USING btree ("flag_key","proposed_at");