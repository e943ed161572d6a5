-- Every relation of the target schema that could clash with a table we create.
-- Parameter 1: schema name.
select c.relname, c.relkind
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = ?
  and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S', 'i', 'I', 'c')
order by c.relname
