-- Columns of the ordinary and partitioned tables of a schema, with the base type resolved
-- through one level of domain, array element and enum, and the serial/identity sequence.
-- Parameter 1: schema name.
select c.relname as table_name,
       a.attname as column_name,
       format_type(a.atttypid, a.atttypmod) as declared_type,
       case when bt.typcategory = 'A'
            then format_type(bt.typelem, case when t.typtype = 'd' then t.typtypmod else a.atttypmod end)
            else format_type(bt.oid, case when t.typtype = 'd' then t.typtypmod else a.atttypmod end)
       end as base_type,
       case when bt.typcategory = 'A' then greatest(a.attndims, 1) else 0 end as dimensions,
       case when bt.typtype = 'e' then bt.typname
            when bt.typcategory = 'A' then (select et.typname from pg_type et where et.oid = bt.typelem and et.typtype = 'e')
       end as enum_name,
       a.attnotnull as not_null,
       pg_get_expr(d.adbin, d.adrelid) as default_expr,
       a.attidentity as identity,
       a.attgenerated as generated,
       pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) as sequence_name
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_type t on t.oid = a.atttypid
join pg_type bt on bt.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
where n.nspname = ?
  and c.relkind in ('r', 'p')
  and a.attnum > 0
  and not a.attisdropped
order by c.relname, a.attnum
