-- btree_gist: equality on a uuid inside a GiST index, beside the overlap of the time range.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE TABLE "makrcave"."reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"equipment_id" uuid NOT NULL,
	"makerspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"during" "tstzrange" NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_out_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservations_status_known" CHECK ("makrcave"."reservations"."status" in ('booked', 'checked_in', 'completed', 'cancelled', 'no_show')),
	CONSTRAINT "reservations_during_bounded" CHECK (not isempty("makrcave"."reservations"."during") and not lower_inf("makrcave"."reservations"."during") and not upper_inf("makrcave"."reservations"."during") and lower("makrcave"."reservations"."during") < upper("makrcave"."reservations"."during"))
);
--> statement-breakpoint
ALTER TABLE "makrcave"."reservations" ADD CONSTRAINT "reservations_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "makrcave"."equipment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."reservations" ADD CONSTRAINT "reservations_makerspace_id_makerspaces_id_fk" FOREIGN KEY ("makerspace_id") REFERENCES "makrcave"."makerspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."reservations" ADD CONSTRAINT "reservations_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reservations_user_idx" ON "makrcave"."reservations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reservations_makerspace_idx" ON "makrcave"."reservations" USING btree ("makerspace_id");--> statement-breakpoint
-- Never two live bookings of one machine that overlap, however many are asked for at once and
-- on however many instances: cancelled bookings and no-shows free their slot. Written by hand
-- because drizzle declares no exclusion constraints; the GiST index it builds also answers a
-- machine's calendar.
ALTER TABLE "makrcave"."reservations" ADD CONSTRAINT "reservations_no_overlap" EXCLUDE USING gist ("equipment_id" WITH =, "during" WITH &&) WHERE ("status" in ('booked', 'checked_in', 'completed'));