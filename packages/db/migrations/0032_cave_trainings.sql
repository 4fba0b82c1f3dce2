CREATE TABLE "makrcave"."training_passes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"makerspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"session_id" uuid,
	"passed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"recorded_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "makrcave"."training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"makerspace_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"seats" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"instructor_id" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_ends_after_start" CHECK ("makrcave"."training_sessions"."starts_at" < "makrcave"."training_sessions"."ends_at"),
	CONSTRAINT "training_sessions_seats_positive" CHECK ("makrcave"."training_sessions"."seats" >= 1),
	CONSTRAINT "training_sessions_seats_held" CHECK ("makrcave"."training_sessions"."seats_taken" >= 0 and "makrcave"."training_sessions"."seats_taken" <= "makrcave"."training_sessions"."seats")
);
--> statement-breakpoint
CREATE TABLE "makrcave"."training_sign_ups" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"signed_up_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sign_ups_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "makrcave"."trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"makerspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"duration_minutes" integer NOT NULL,
	"validity_months" integer,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainings_name_per_makerspace" UNIQUE("makerspace_id","name"),
	CONSTRAINT "trainings_id_makerspace" UNIQUE("id","makerspace_id"),
	CONSTRAINT "trainings_duration_positive" CHECK ("makrcave"."trainings"."duration_minutes" > 0),
	CONSTRAINT "trainings_validity_positive" CHECK ("makrcave"."trainings"."validity_months" is null or "makrcave"."trainings"."validity_months" > 0)
);
--> statement-breakpoint
ALTER TABLE "makrcave"."training_passes" ADD CONSTRAINT "training_passes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."training_passes" ADD CONSTRAINT "training_passes_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "makrcave"."training_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."training_passes" ADD CONSTRAINT "training_passes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."training_passes" ADD CONSTRAINT "training_passes_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."training_passes" ADD CONSTRAINT "training_passes_training_fk" FOREIGN KEY ("training_id","makerspace_id") REFERENCES "makrcave"."trainings"("id","makerspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."training_sessions" ADD CONSTRAINT "training_sessions_instructor_id_users_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."training_sessions" ADD CONSTRAINT "training_sessions_training_fk" FOREIGN KEY ("training_id","makerspace_id") REFERENCES "makrcave"."trainings"("id","makerspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."training_sign_ups" ADD CONSTRAINT "training_sign_ups_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "makrcave"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."training_sign_ups" ADD CONSTRAINT "training_sign_ups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."trainings" ADD CONSTRAINT "trainings_makerspace_id_makerspaces_id_fk" FOREIGN KEY ("makerspace_id") REFERENCES "makrcave"."makerspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_passes_one_live" ON "makrcave"."training_passes" USING btree ("training_id","user_id") WHERE "makrcave"."training_passes"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "training_passes_user_idx" ON "makrcave"."training_passes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_sessions_training_idx" ON "makrcave"."training_sessions" USING btree ("training_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_sessions_makerspace_idx" ON "makrcave"."training_sessions" USING btree ("makerspace_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_sign_ups_user_idx" ON "makrcave"."training_sign_ups" USING btree ("user_id");--> statement-breakpoint
-- Before trainings existed, training_id named nothing (no route set it); it starts clean.
UPDATE "makrcave"."equipment" SET "training_id" = NULL WHERE "training_id" IS NOT NULL;--> statement-breakpoint
-- A machine that required a training keeps requiring one: it gets a training of its own, named
-- after it, which its makerspace's admins can rename, schedule or swap for a shared one. Then
-- training_id alone says whether a booking needs a pass, and requires_training goes.
WITH "created" AS (
	INSERT INTO "makrcave"."trainings" ("makerspace_id", "name", "description", "duration_minutes")
	SELECT "makerspace_id", "name" || ' induction', 'How to use the ' || "name" || ' safely.', 60
	FROM "makrcave"."equipment" WHERE "requires_training"
	RETURNING "id", "makerspace_id", "name"
)
UPDATE "makrcave"."equipment" SET "training_id" = "created"."id" FROM "created"
WHERE "equipment"."makerspace_id" = "created"."makerspace_id" AND "created"."name" = "equipment"."name" || ' induction';--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" ADD CONSTRAINT "equipment_training_fk" FOREIGN KEY ("training_id","makerspace_id") REFERENCES "makrcave"."trainings"("id","makerspace_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "equipment_training_idx" ON "makrcave"."equipment" USING btree ("training_id");--> statement-breakpoint
ALTER TABLE "makrcave"."equipment" DROP COLUMN "requires_training";