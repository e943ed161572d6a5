-- Tables of the chosen schemas: ordinary tables and partitioned parents. Partitions are not
-- listed (relispartition): their rows are read through the parent. Traditional inheritance
-- children are listed (they are tables of their own; parents are read with ONLY).
-- The size estimates (heap + TOAST of the table or of all its partitions) only tune the fetch size.
-- ?1: text[] of schema names
SELECT c.oid AS table_oid,
       n.nspname AS schema_name,
       c.relname AS table_name,
       c.relkind::text AS relkind,
       (SELECT count(*) FROM pg_catalog.pg_partition_tree(c.oid) t WHERE t.isleaf AND t.relid <> c.oid) AS partitions,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
       CASE WHEN c.relkind = 'p'
            THEN (SELECT coalesce(sum(pg_catalog.pg_table_size(t.relid)), 0)
                  FROM pg_catalog.pg_partition_tree(c.oid) t WHERE t.isleaf)
            ELSE pg_catalog.pg_table_size(c.oid) END AS estimated_bytes,
       CASE WHEN c.relkind = 'p'
            THEN (SELECT coalesce(sum(r.reltuples), 0)
                  FROM pg_catalog.pg_partition_tree(c.oid) t
                  JOIN pg_catalog.pg_class r ON r.oid = t.relid
                  WHERE t.isleaf AND r.reltuples > 0)
            ELSE c.reltuples END AS estimated_rows,
       c.relkind = 'r' AND EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i WHERE i.inhparent = c.oid) AS has_children,
       c.relrowsecurity AS row_security
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (?)
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
ORDER BY n.nspname, c.relname
