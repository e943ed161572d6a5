-- Primary keys, unique, foreign-key, check and exclusion constraints of the given tables, with
-- their columns in key order. Constraints cloned onto partitions or onto the partitions of a
-- referenced partitioned table (conparentid <> 0) are left out: the parent's constraint stands for them.
-- ?1: oid[] of tables
SELECT con.conrelid AS table_oid,
       con.conname AS constraint_name,
       con.contype::text AS constraint_type,
       ARRAY(SELECT a.attname
             FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS columns,
       rn.nspname AS referenced_schema,
       rc.relname AS referenced_table,
       ARRAY(SELECT a.attname
             FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS referenced_columns,
       con.confdeltype::text AS on_delete,
       con.confupdtype::text AS on_update,
       con.confmatchtype::text AS match_type,
       con.condeferrable AS deferrable,
       con.condeferred AS deferred,
       con.convalidated AS validated,
       pg_catalog.pg_get_constraintdef(con.oid) AS definition
FROM pg_catalog.pg_constraint con
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.conrelid = ANY (?)
  AND con.contype IN ('p', 'u', 'f', 'c', 'x')
  AND con.conparentid = 0
ORDER BY con.conrelid, con.contype, con.conname
