CREATE TABLE "makrcave"."invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"makerspace_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "invites_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "invites_role_known" CHECK ("makrcave"."invites"."role" in ('makerspace_admin', 'service_provider', 'member')),
	CONSTRAINT "invites_email_lower_case" CHECK ("makrcave"."invites"."email" = lower("makrcave"."invites"."email")),
	CONSTRAINT "invites_token_hash_shape" CHECK ("makrcave"."invites"."token_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "invites_used_or_revoked" CHECK ("makrcave"."invites"."used_at" is null or "makrcave"."invites"."revoked_at" is null)
);
--> statement-breakpoint
ALTER TABLE "makrcave"."memberships" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "makrcave"."invites" ADD CONSTRAINT "invites_makerspace_id_makerspaces_id_fk" FOREIGN KEY ("makerspace_id") REFERENCES "makrcave"."makerspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."invites" ADD CONSTRAINT "invites_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."invites" ADD CONSTRAINT "invites_used_by_users_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invites_makerspace_idx" ON "makrcave"."invites" USING btree ("makerspace_id","created_at");