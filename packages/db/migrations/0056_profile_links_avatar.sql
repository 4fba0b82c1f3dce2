ALTER TABLE "auth"."profiles" ADD COLUMN "links" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "auth"."profiles" ADD COLUMN "avatar_key" text;