CREATE TABLE "auth"."admin_locks" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"locked_by" uuid,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth"."sign_in_failures" (
	"user_id" uuid NOT NULL,
	"client_address" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"lockouts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_in_failures_user_id_client_address_pk" PRIMARY KEY("user_id","client_address"),
	CONSTRAINT "sign_in_failures_not_negative" CHECK ("auth"."sign_in_failures"."failures" >= 0 and "auth"."sign_in_failures"."lockouts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "auth"."profiles" ADD COLUMN "public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "auth"."admin_locks" ADD CONSTRAINT "admin_locks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."admin_locks" ADD CONSTRAINT "admin_locks_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth"."sign_in_failures" ADD CONSTRAINT "sign_in_failures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- An admin's lock was a lock until 9999 on the password; it moves to its own table.
INSERT INTO "auth"."admin_locks" ("user_id", "locked_at")
SELECT "user_id", "updated_at" FROM "auth"."credentials" WHERE "locked_until" >= '9999-01-01';--> statement-breakpoint
-- Whole-account locks from wrong passwords are gone: the count starts again, per address.
UPDATE "auth"."credentials" SET "failed_attempts" = 0, "lockouts" = 0, "locked_until" = NULL;--> statement-breakpoint
-- Profiles somebody wrote (nobody could edit an auto-made one) stay listed; the rest are private.
UPDATE "auth"."profiles" SET "public" = true
WHERE "featured" OR "headline" <> '' OR "bio" <> '' OR cardinality("skills") > 0;
