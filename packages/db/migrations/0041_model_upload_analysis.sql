-- Uploads accepted before the server analysis have none: the columns are added without NOT NULL, and migration 0044 marks those uploads for analysis (the store's background job analyses them), so no accepted upload is dropped.
ALTER TABLE "store"."model_uploads" ADD COLUMN "format" text;--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ADD COLUMN "analysis" jsonb;--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ADD COLUMN "unit_scale" double precision DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ADD CONSTRAINT "model_uploads_format_known" CHECK ("store"."model_uploads"."format" in ('stl-binary', 'stl-ascii', 'obj', '3mf'));--> statement-breakpoint
ALTER TABLE "store"."model_uploads" ADD CONSTRAINT "model_uploads_unit_scale_known" CHECK ("store"."model_uploads"."unit_scale" in (1, 25.4));