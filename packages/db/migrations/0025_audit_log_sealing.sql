-- Writers now insert unsealed rows and a sequencer seals committed ones into the hash chain
-- (packages/db/src/audit-sequencer.ts), so that no audited write waits for another. The chain's
-- order is chain_position; rows chained before this change keep their id order.
ALTER TABLE public.audit_logs DISABLE TRIGGER audit_logs_no_update_delete;
--> statement-breakpoint
UPDATE public.audit_logs AS a SET chain_position = chained.position
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS position
          FROM public.audit_logs WHERE hash IS NOT NULL) AS chained
  WHERE a.id = chained.id;
--> statement-breakpoint
ALTER TABLE public.audit_logs ENABLE TRIGGER audit_logs_no_update_delete;
--> statement-breakpoint
-- A row is either wholly unsealed (just written, or written before the chain existed: the
-- sequencer seals those too) or wholly sealed. Replaces audit_logs_hash_present, which asked
-- every new row to carry its hash.
ALTER TABLE public.audit_logs DROP CONSTRAINT audit_logs_hash_present;
--> statement-breakpoint
ALTER TABLE public.audit_logs ADD CONSTRAINT audit_logs_sealed_whole CHECK (
  (chain_position IS NULL AND prev_hash IS NULL AND hash IS NULL)
  OR (chain_position >= 1 AND prev_hash IS NOT NULL AND hash IS NOT NULL)
);
--> statement-breakpoint
-- Still append-only, with one UPDATE allowed: sealing an unsealed row, which sets the seal
-- columns and leaves every other column as it was. Re-sealing a sealed row is refused, so a
-- row's place in the chain is given once.
CREATE OR REPLACE FUNCTION public.audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.chain_position IS NULL AND OLD.prev_hash IS NULL AND OLD.hash IS NULL
       AND NEW.chain_position IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL
       AND to_jsonb(NEW) - ARRAY['chain_position', 'prev_hash', 'hash']
         = to_jsonb(OLD) - ARRAY['chain_position', 'prev_hash', 'hash']
    THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_logs is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
