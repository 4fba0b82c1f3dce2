CREATE TABLE "auth"."session_devices" (
	"session_uid" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"user_agent" text,
	"ip_address" text,
	"signed_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_active_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store"."ended_storefront_sessions" (
	"sid" text PRIMARY KEY NOT NULL,
	"sub" text NOT NULL,
	"jti" text NOT NULL,
	"ended_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ended_storefront_sessions_jti_unique" UNIQUE("jti")
);
--> statement-breakpoint
ALTER TABLE "auth"."session_devices" ADD CONSTRAINT "session_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_devices_user_idx" ON "auth"."session_devices" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "ended_storefront_sessions_ended_idx" ON "store"."ended_storefront_sessions" USING btree ("ended_at");