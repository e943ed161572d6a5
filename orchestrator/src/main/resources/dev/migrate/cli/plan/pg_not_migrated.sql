-- Objects of one schema that are recorded but not migrated, with why.
select 'view' as kind, c.relname as name, 'views are not migrated' as reason
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = ? and c.relkind = 'v'
union all
select 'materialized view', c.relname, 'materialized views are not migrated'
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = ? and c.relkind = 'm'
union all
select 'trigger', t.tgname || ' on ' || c.relname, 'triggers are not migrated'
from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
where n.nspname = ? and not t.tgisinternal
union all
select case p.prokind when 'p' then 'procedure' else 'function' end, p.proname,
       'functions and procedures are not migrated'
from pg_proc p join pg_namespace n on n.oid = p.pronamespace
where n.nspname = ?
  and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
union all
select 'check constraint', k.conname || ' on ' || c.relname, 'recorded in the manifest, not reproduced in SQLite'
from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
where n.nspname = ? and k.contype = 'c'
order by 1, 2
