-- Foreign keys of the schema's tables: one row per column pair, in key order.
select k.conname, c.relname, p.relname, pn.nspname, k.convalidated, ca.attname, pa.attname
from pg_constraint k
join pg_class c on c.oid = k.conrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_class p on p.oid = k.confrelid
join pg_namespace pn on pn.oid = p.relnamespace
cross join lateral unnest(k.conkey, k.confkey) with ordinality as pair(child, parent, position)
join pg_attribute ca on ca.attrelid = c.oid and ca.attnum = pair.child
join pg_attribute pa on pa.attrelid = p.oid and pa.attnum = pair.parent
where n.nspname = ?
  and k.contype = 'f'
order by c.relname, k.conname, pair.position
