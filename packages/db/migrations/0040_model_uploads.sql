CREATE TABLE "store"."model_uploads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"original_name" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" text NOT NULL,
	"status" text DEFAULT 'ready' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_uploads_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "model_uploads_status_known" CHECK ("store"."model_uploads"."status" in ('ready')),
	CONSTRAINT "model_uploads_size_positive" CHECK ("store"."model_uploads"."size_bytes" > 0),
	CONSTRAINT "model_uploads_sha256_hex" CHECK ("store"."model_uploads"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE INDEX "model_uploads_owner_idx" ON "store"."model_uploads" USING btree ("owner_id","created_at");