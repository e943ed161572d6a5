-- Objects that are recorded but not migrated, so the output can name every one of them: views
-- and materialized views, triggers, rules and row-level security policies of the exported
-- tables, functions, procedures and aggregates, domains (their constraints), sequences no column
-- uses, composite types, foreign tables and extensions. Extension members are left out (the
-- extension is named instead).
-- ?1: text[] of schema names, ?2: oid[] of the exported tables
WITH p AS (SELECT CAST(? AS text[]) AS schemas, CAST(? AS oid[]) AS tables),
ext_member AS (
    SELECT d.classid, d.objid FROM pg_catalog.pg_depend d WHERE d.deptype = 'e'
)
SELECT kind, name, definition
FROM (
    SELECT CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END AS kind,
           c.relname::text AS name,
           pg_catalog.pg_get_viewdef(c.oid) AS definition,
           1 AS ord
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN p
    WHERE n.nspname = ANY (p.schemas)
      AND c.relkind IN ('v', 'm')
      AND NOT EXISTS (SELECT 1 FROM ext_member e WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid)
  UNION ALL
    SELECT 'trigger', tc.relname || '.' || t.tgname, pg_catalog.pg_get_triggerdef(t.oid), 2
    FROM pg_catalog.pg_trigger t
    JOIN pg_catalog.pg_class tc ON tc.oid = t.tgrelid
    CROSS JOIN p
    WHERE t.tgrelid = ANY (p.tables)
      AND NOT t.tgisinternal
  UNION ALL
    SELECT 'rule', rc.relname || '.' || r.rulename, pg_catalog.pg_get_ruledef(r.oid), 3
    FROM pg_catalog.pg_rewrite r
    JOIN pg_catalog.pg_class rc ON rc.oid = r.ev_class
    CROSS JOIN p
    WHERE r.ev_class = ANY (p.tables)
      AND r.rulename <> '_RETURN'
  UNION ALL
    SELECT 'policy', pc.relname || '.' || pol.polname,
           'POLICY ' || pg_catalog.quote_ident(pol.polname)
             || coalesce(' USING (' || pg_catalog.pg_get_expr(pol.polqual, pol.polrelid) || ')', '')
             || coalesce(' WITH CHECK (' || pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid) || ')', ''),
           4
    FROM pg_catalog.pg_policy pol
    JOIN pg_catalog.pg_class pc ON pc.oid = pol.polrelid
    CROSS JOIN p
    WHERE pol.polrelid = ANY (p.tables)
  UNION ALL
    SELECT CASE f.prokind WHEN 'f' THEN 'function' WHEN 'p' THEN 'procedure'
                          WHEN 'a' THEN 'aggregate' ELSE 'window function' END,
           f.proname || '(' || pg_catalog.pg_get_function_identity_arguments(f.oid) || ')',
           CASE WHEN f.prokind IN ('f', 'p') THEN pg_catalog.pg_get_functiondef(f.oid) END,
           5
    FROM pg_catalog.pg_proc f
    JOIN pg_catalog.pg_namespace n ON n.oid = f.pronamespace
    CROSS JOIN p
    WHERE n.nspname = ANY (p.schemas)
      AND NOT EXISTS (SELECT 1 FROM ext_member e WHERE e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND e.objid = f.oid)
  UNION ALL
    SELECT 'domain', t.typname::text,
           'CREATE DOMAIN ' || pg_catalog.quote_ident(t.typname) || ' AS '
             || pg_catalog.format_type(t.typbasetype, t.typtypmod)
             || coalesce(' ' || (SELECT string_agg(pg_catalog.pg_get_constraintdef(dc.oid), ' ' ORDER BY dc.conname)
                                 FROM pg_catalog.pg_constraint dc WHERE dc.contypid = t.oid), ''),
           6
    FROM pg_catalog.pg_type t
    JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    CROSS JOIN p
    WHERE n.nspname = ANY (p.schemas)
      AND t.typtype = 'd'
      AND NOT EXISTS (SELECT 1 FROM ext_member e WHERE e.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND e.objid = t.oid)
  UNION ALL
    SELECT 'sequence', s.relname::text, NULL, 7
    FROM pg_catalog.pg_class s
    JOIN pg_catalog.pg_namespace n ON n.oid = s.relnamespace
    CROSS JOIN p
    WHERE n.nspname = ANY (p.schemas)
      AND s.relkind = 'S'
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = s.oid
                        AND d.deptype IN ('a', 'i'))
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass
                        AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = s.oid)
      AND NOT EXISTS (SELECT 1 FROM ext_member e WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = s.oid)
  UNION ALL
    SELECT CASE c.relkind WHEN 'c' THEN 'type' ELSE 'foreign table' END, c.relname::text, NULL, 8
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN p
    WHERE n.nspname = ANY (p.schemas)
      AND c.relkind IN ('c', 'f')
      AND NOT EXISTS (SELECT 1 FROM ext_member e WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid)
  UNION ALL
    SELECT 'extension', x.extname::text, 'CREATE EXTENSION ' || pg_catalog.quote_ident(x.extname), 9
    FROM pg_catalog.pg_extension x
    JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
    CROSS JOIN p
    WHERE n.nspname = ANY (p.schemas)
) o
ORDER BY ord, name
