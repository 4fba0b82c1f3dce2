-- Every product has at least one variant (what is actually bought), checked when the
-- transaction commits, so a product and its first variants are created together.
CREATE FUNCTION store.product_has_a_variant() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- Through jsonb: each table's row type has only its own columns.
  product uuid := CASE WHEN TG_TABLE_NAME = 'products'
    THEN (to_jsonb(NEW) ->> 'id')::uuid ELSE (to_jsonb(OLD) ->> 'product_id')::uuid END;
BEGIN
  IF EXISTS (SELECT 1 FROM store.products WHERE id = product)
     AND NOT EXISTS (SELECT 1 FROM store.product_variants WHERE product_id = product) THEN
    RAISE EXCEPTION 'product % has no variant', product
      USING ERRCODE = '23514', CONSTRAINT = 'products_have_a_variant';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER products_have_a_variant AFTER INSERT ON store.products
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION store.product_has_a_variant();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER product_variants_leave_one AFTER DELETE OR UPDATE OF product_id ON store.product_variants
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION store.product_has_a_variant();
