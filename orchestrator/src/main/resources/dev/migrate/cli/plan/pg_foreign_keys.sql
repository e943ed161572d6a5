-- Foreign keys between tables of one schema: child table -> parent table.
select child.relname as child, parent.relname as parent
from pg_constraint k
join pg_class child on child.oid = k.conrelid
join pg_class parent on parent.oid = k.confrelid
join pg_namespace n on n.oid = child.relnamespace
where k.contype = 'f'
  and n.nspname = ?
