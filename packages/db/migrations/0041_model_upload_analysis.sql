-- Rows from before the server analysis have none, and analysis is required: such an upload was never quotable, so it is forgotten (its file stays in storage, unreferenced).
DELETE FROM "store"."model_uploads";--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ADD COLUMN "format" text NOT NULL;--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ADD COLUMN "analysis" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ADD COLUMN "unit_scale" double precision DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ADD CONSTRAINT "model_uploads_format_known" CHECK ("store"."model_uploads"."format" in ('stl-binary', 'stl-ascii', 'obj', '3mf'));--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ADD CONSTRAINT "model_uploads_unit_scale_known" CHECK ("store"."model_uploads"."unit_scale" in (1, 25.4));