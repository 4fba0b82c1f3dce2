ALTER TABLE "store"."model_uploads" DROP CONSTRAINT "model_uploads_status_known";--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ALTER COLUMN "format" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ALTER COLUMN "analysis" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ADD COLUMN "problem_code" text;--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ADD COLUMN "problem_message" text;--> statement-breakpoint
-- Uploads accepted before the server analysis wait for the store's job to analyse them.
UPDATE "store"."model_uploads" SET "status" = 'analysing' WHERE "analysis" IS NULL OR "format" IS NULL;--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ADD CONSTRAINT "model_uploads_ready_analysed" CHECK (("store"."model_uploads"."status" = 'ready') = ("store"."model_uploads"."analysis" is not null and "store"."model_uploads"."format" is not null));--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ADD CONSTRAINT "model_uploads_refused_says_why" CHECK (("store"."model_uploads"."status" = 'refused') = ("store"."model_uploads"."problem_code" is not null));--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ADD CONSTRAINT "model_uploads_status_known" CHECK ("store"."model_uploads"."status" in ('ready', 'analysing', 'refused'));