-- Any change to the catalog tells every store instance to drop its cached listings
-- (services/store/src/modules/catalog/listing-cache.ts). NOTIFY is delivered on commit.
CREATE FUNCTION store.notify_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('store_catalog_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER products_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON store.products
  FOR EACH STATEMENT EXECUTE FUNCTION store.notify_catalog_changed();
--> statement-breakpoint
CREATE TRIGGER categories_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON store.categories
  FOR EACH STATEMENT EXECUTE FUNCTION store.notify_catalog_changed();
