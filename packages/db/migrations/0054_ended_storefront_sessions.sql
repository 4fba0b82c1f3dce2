CREATE TABLE "store"."ended_storefront_sessions" (
	"sid" text PRIMARY KEY NOT NULL,
	"sub" text NOT NULL,
	"jti" text NOT NULL,
	"ended_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ended_storefront_sessions_jti_unique" UNIQUE("jti")
);
--> statement-breakpoint
CREATE INDEX "ended_storefront_sessions_ended_idx" ON "store"."ended_storefront_sessions" USING btree ("ended_at");