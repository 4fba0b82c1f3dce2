CREATE TABLE "store"."order_link_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_number" text NOT NULL,
	"email_hash" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "order_link_requests_number_idx" ON "store"."order_link_requests" USING btree ("order_number","requested_at");--> statement-breakpoint
CREATE INDEX "order_link_requests_email_idx" ON "store"."order_link_requests" USING btree ("email_hash","requested_at");--> statement-breakpoint
CREATE INDEX "order_link_requests_at_idx" ON "store"."order_link_requests" USING btree ("requested_at");