-- Secondary indexes of the given tables: every index except those backing a primary key, unique
-- or exclusion constraint. columns lists the key columns when they are all plain columns.
-- ?1: oid[] of tables
SELECT i.indrelid AS table_oid,
       ic.relname AS index_name,
       i.indisunique AS is_unique,
       am.amname AS access_method,
       i.indisvalid AS is_valid,
       i.indexprs IS NOT NULL AS has_expressions,
       i.indnkeyatts <> i.indnatts AS has_include,
       EXISTS (SELECT 1 FROM unnest(i.indoption::int2[]) o WHERE o <> 0) AS has_options,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
       pg_catalog.pg_get_indexdef(i.indexrelid) AS definition,
       ARRAY(SELECT a.attname
             FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE k.ord <= i.indnkeyatts
             ORDER BY k.ord) AS columns
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
WHERE i.indrelid = ANY (?)
  AND NOT EXISTS (SELECT 1
                  FROM pg_catalog.pg_constraint c
                  WHERE c.conindid = i.indexrelid
                    AND c.conrelid = i.indrelid
                    AND c.contype IN ('p', 'u', 'x'))
ORDER BY i.indrelid, ic.relname
