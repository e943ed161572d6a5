-- Enum types: the ones in the chosen schemas and the ones the given columns use, labels in sort order.
-- ?1: text[] of schema names, ?2: oid[] of enum types used by columns
SELECT t.oid AS enum_oid,
       n.nspname AS schema_name,
       t.typname AS enum_name,
       ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e'
  AND (n.nspname = ANY (?) OR t.oid = ANY (?))
ORDER BY n.nspname, t.typname
