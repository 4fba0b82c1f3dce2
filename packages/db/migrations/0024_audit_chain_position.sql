ALTER TABLE "audit_logs" ADD COLUMN "chain_position" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_logs_chain_position_key" ON "audit_logs" USING btree ("chain_position") WHERE "audit_logs"."chain_position" is not null;--> statement-breakpoint
CREATE INDEX "audit_logs_unsealed_idx" ON "audit_logs" USING btree ("id") WHERE "audit_logs"."chain_position" is null;