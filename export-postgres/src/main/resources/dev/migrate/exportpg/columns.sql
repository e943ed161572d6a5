-- Columns of the given tables with their exact types. Domains are resolved to their base type
-- (through nested domains, keeping the innermost typmod); for arrays the element type is resolved
-- the same way and keeps the array's typmod. leaf_* describe the scalar (or element) type that
-- the mapping tables see; enum_* name the enum when the leaf is one.
-- The generator of an identity or serial column is the sequence the column owns (pg_depend 'a'
-- or 'i'), else the sequence its default depends on.
-- ?1: oid[] of tables
WITH RECURSIVE dom AS (
    SELECT t.oid AS domain_oid, t.typbasetype AS base_oid, t.typtypmod AS base_mod
    FROM pg_catalog.pg_type t
    WHERE t.typtype = 'd'
  UNION ALL
    SELECT d.domain_oid, t.typbasetype, t.typtypmod
    FROM dom d
    JOIN pg_catalog.pg_type t ON t.oid = d.base_oid
    WHERE t.typtype = 'd'
),
dom_base AS (
    SELECT d.domain_oid, d.base_oid, d.base_mod
    FROM dom d
    JOIN pg_catalog.pg_type t ON t.oid = d.base_oid
    WHERE t.typtype <> 'd'
),
col AS (
    SELECT a.attrelid, a.attnum, a.attname, a.atttypid, a.atttypmod, a.attnotnull, a.attndims,
           a.attidentity, a.attgenerated,
           coalesce(db.base_oid, a.atttypid) AS r_oid,
           CASE WHEN db.base_oid IS NOT NULL THEN db.base_mod ELSE a.atttypmod END AS r_mod,
           db.base_oid IS NOT NULL AS is_domain
    FROM pg_catalog.pg_attribute a
    LEFT JOIN dom_base db ON db.domain_oid = a.atttypid
    WHERE a.attrelid = ANY (?)
      AND a.attnum > 0
      AND NOT a.attisdropped
),
typed AS (
    SELECT col.*,
           (rt.typcategory = 'A' AND rt.typelem <> 0 AND rt.typlen = -1) AS is_array,
           rt.typelem AS elem_oid,
           edb.base_oid AS elem_base_oid,
           edb.base_mod AS elem_base_mod
    FROM col
    JOIN pg_catalog.pg_type rt ON rt.oid = col.r_oid
    LEFT JOIN dom_base edb ON edb.domain_oid = rt.typelem
),
leaf AS (
    SELECT typed.*,
           CASE WHEN is_array THEN coalesce(elem_base_oid, elem_oid) ELSE r_oid END AS leaf_oid,
           CASE WHEN is_array AND elem_base_oid IS NOT NULL THEN elem_base_mod ELSE r_mod END AS leaf_mod
    FROM typed
)
SELECT l.attrelid AS table_oid,
       l.attnum,
       l.attname AS column_name,
       pg_catalog.format_type(l.atttypid, l.atttypmod) AS declared_type,
       CASE WHEN l.is_domain THEN pg_catalog.format_type(l.r_oid, l.r_mod) END AS domain_base_type,
       pg_catalog.format_type(l.leaf_oid, l.leaf_mod) AS leaf_type,
       lt.typname AS leaf_type_name,
       ln.nspname AS leaf_type_schema,
       (lt.typtype = 'e') AS leaf_is_enum,
       CASE WHEN lt.typtype = 'e' THEN l.leaf_oid END AS enum_oid,
       l.is_array,
       l.attndims AS array_dims,
       l.attnotnull AS not_null,
       l.attidentity::text AS identity,
       l.attgenerated::text AS generated,
       CASE WHEN l.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS default_expr,
       CASE WHEN l.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generation_expr,
       s.relname AS sequence_name,
       CASE WHEN s.oid IS NOT NULL
                 AND (pg_catalog.has_sequence_privilege(s.oid, 'SELECT')
                      OR pg_catalog.has_sequence_privilege(s.oid, 'USAGE'))
            THEN pg_catalog.pg_sequence_last_value(s.oid) END AS sequence_last_value,
       CASE WHEN s.oid IS NOT NULL
            THEN pg_catalog.has_sequence_privilege(s.oid, 'SELECT')
                 OR pg_catalog.has_sequence_privilege(s.oid, 'USAGE') END AS sequence_readable
FROM leaf l
JOIN pg_catalog.pg_type lt ON lt.oid = l.leaf_oid
JOIN pg_catalog.pg_namespace ln ON ln.oid = lt.typnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = l.attrelid AND ad.adnum = l.attnum
LEFT JOIN LATERAL (
    SELECT seq.oid, seq.relname
    FROM (
        SELECT d.objid AS seq_oid, 1 AS pref
        FROM pg_catalog.pg_depend d
        WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
          AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
          AND d.refobjid = l.attrelid
          AND d.refobjsubid = l.attnum
          AND d.deptype IN ('a', 'i')
      UNION ALL
        SELECT d.refobjid, 2
        FROM pg_catalog.pg_depend d
        WHERE ad.oid IS NOT NULL
          AND d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass
          AND d.objid = ad.oid
          AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
    ) dep
    JOIN pg_catalog.pg_class seq ON seq.oid = dep.seq_oid AND seq.relkind = 'S'
    ORDER BY dep.pref
    LIMIT 1
) s ON true
ORDER BY l.attrelid, l.attnum
