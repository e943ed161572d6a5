-- Secondary indexes (not those backing a constraint) of a schema's tables.
-- Parameter 1: schema name.
select t.relname as table_name,
       i.relname as index_name,
       ix.indisunique as is_unique,
       pg_get_indexdef(ix.indexrelid) as definition,
       pg_get_expr(ix.indpred, ix.indrelid) as predicate,
       ix.indexprs is not null as has_expressions,
       am.amname as method,
       array(select a.attname
             from unnest(ix.indkey::int2[]) with ordinality k(attnum, ord)
             join pg_attribute a on a.attrelid = ix.indrelid and a.attnum = k.attnum
             where k.ord <= ix.indnkeyatts
             order by k.ord)::text[] as columns
from pg_index ix
join pg_class i on i.oid = ix.indexrelid
join pg_class t on t.oid = ix.indrelid
join pg_namespace n on n.oid = t.relnamespace
join pg_am am on am.oid = i.relam
where n.nspname = ?
  and t.relkind in ('r', 'p')
  and not exists (select 1 from pg_constraint con where con.conindid = ix.indexrelid and con.contype in ('p', 'u', 'x'))
order by t.relname, i.relname
