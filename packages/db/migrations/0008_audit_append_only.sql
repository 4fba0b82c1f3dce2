-- The audit log is append-only (packages/db/src/audit.ts): an UPDATE, DELETE or TRUNCATE is
-- refused. Someone with the database's owner rights can still get past this (disable the
-- trigger, session_replication_role = replica); the hash chain makes that visible to
-- `npm run audit:verify`.
CREATE FUNCTION public.audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_logs_no_update_delete BEFORE UPDATE OR DELETE ON public.audit_logs
  FOR EACH ROW EXECUTE FUNCTION public.audit_logs_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON public.audit_logs
  FOR EACH STATEMENT EXECUTE FUNCTION public.audit_logs_append_only();
--> statement-breakpoint
-- Every row written from now on carries its place in the chain; rows written before the chain
-- existed keep null (NOT VALID checks only new rows).
ALTER TABLE public.audit_logs ADD CONSTRAINT audit_logs_hash_present
  CHECK (hash IS NOT NULL AND prev_hash IS NOT NULL) NOT VALID;
