-- Typo-tolerant product search (services/store/src/modules/catalog/product-search.ts) corrects
-- misspelt words by trigram similarity against the catalog's own words.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- The category tree may be of any depth but never loop: a category may not sit under itself or
-- any of its descendants. Moves take one lock, so two concurrent moves cannot make a loop that
-- neither saw.
CREATE FUNCTION store.refuse_category_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.parent_id IS NULL THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('store.categories.tree'));
  IF EXISTS (
    WITH RECURSIVE ancestors(id, parent_id) AS (
      SELECT id, parent_id FROM store.categories WHERE id = NEW.parent_id
      UNION
      SELECT c.id, c.parent_id FROM store.categories c JOIN ancestors a ON c.id = a.parent_id
    )
    SELECT 1 FROM ancestors WHERE id = NEW.id
  ) THEN
    RAISE EXCEPTION 'category % would sit under itself', NEW.slug
      USING ERRCODE = 'check_violation', CONSTRAINT = 'categories_no_cycle';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER categories_no_cycle BEFORE INSERT OR UPDATE OF parent_id ON store.categories
  FOR EACH ROW EXECUTE FUNCTION store.refuse_category_cycle();--> statement-breakpoint
-- Product pages show the images; listings read products.image_url, whose change notifies already.
CREATE TRIGGER product_images_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON store.product_images
  FOR EACH STATEMENT EXECUTE FUNCTION store.notify_catalog_changed();
