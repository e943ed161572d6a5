-- Primary-key columns of one table, in key order.
select a.attname
from pg_constraint k
join pg_class c on c.oid = k.conrelid
join pg_namespace n on n.oid = c.relnamespace
cross join lateral unnest(k.conkey) with ordinality as key(attnum, position)
join pg_attribute a on a.attrelid = c.oid and a.attnum = key.attnum
where n.nspname = ?
  and c.relname = ?
  and k.contype = 'p'
order by key.position
