-- The words of a text array as one text, for full-text search expressions: array_to_string is
-- only STABLE, and an index or generated column may use IMMUTABLE functions only.
CREATE OR REPLACE FUNCTION public.search_words(words text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string(words, chr(32)), chr(32)) $$;
