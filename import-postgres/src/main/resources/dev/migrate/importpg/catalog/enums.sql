-- Enum types of a schema with their labels in sort order.
-- Parameter 1: schema name.
select t.typname, array_agg(e.enumlabel order by e.enumsortorder)::text[] as labels
from pg_type t
join pg_namespace n on n.oid = t.typnamespace
join pg_enum e on e.enumtypid = t.oid
where n.nspname = ?
group by t.typname
order by t.typname
