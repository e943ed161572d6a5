-- Ordinary and partitioned tables of one schema (partitions themselves are read through their parent).
select c.relname
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = ?
  and c.relkind in ('r', 'p')
  and not c.relispartition
