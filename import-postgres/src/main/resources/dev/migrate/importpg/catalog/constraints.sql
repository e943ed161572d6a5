-- Primary keys, unique constraints, foreign keys and checks of a schema's tables.
-- Parameter 1: schema name.
select c.relname as table_name,
       con.conname as constraint_name,
       con.contype as type,
       array(select a.attname
             from unnest(con.conkey) with ordinality k(attnum, ord)
             join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
             order by k.ord)::text[] as columns,
       fc.relname as referenced_table,
       fn.nspname as referenced_schema,
       array(select a.attname
             from unnest(con.confkey) with ordinality k(attnum, ord)
             join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum
             order by k.ord)::text[] as referenced_columns,
       con.confdeltype as on_delete,
       con.confupdtype as on_update,
       con.condeferrable as deferrable,
       con.condeferred as deferred,
       pg_get_constraintdef(con.oid) as definition
from pg_constraint con
join pg_class c on c.oid = con.conrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_class fc on fc.oid = con.confrelid
left join pg_namespace fn on fn.oid = fc.relnamespace
where n.nspname = ?
  and con.contype in ('p', 'u', 'f', 'c')
order by c.relname, con.contype, con.conname
