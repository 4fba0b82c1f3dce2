CREATE TABLE "dev_mail" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seq" bigserial NOT NULL,
	"to_address" text NOT NULL,
	"from_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "dev_mail_to_sent_idx" ON "dev_mail" USING btree (lower("to_address"),"sent_at" DESC NULLS LAST,"seq" DESC NULLS LAST);