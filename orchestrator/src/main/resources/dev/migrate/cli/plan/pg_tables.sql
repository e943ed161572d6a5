-- Tables of one schema with the planner's row estimate (partitions are exported through their parent).
select c.oid, c.relname, greatest(c.reltuples, 0)::bigint as estimate, c.relkind
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = ?
  and c.relkind in ('r', 'p')
  and not c.relispartition
order by c.relname
