-- Columns of one table in order, with their type text; domains resolved to their base type.
select a.attname, format_type(coalesce(nullif(t.typbasetype, 0), a.atttypid), a.atttypmod)
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_type t on t.oid = a.atttypid
where n.nspname = ?
  and c.relname = ?
  and a.attnum > 0
  and not a.attisdropped
order by a.attnum
