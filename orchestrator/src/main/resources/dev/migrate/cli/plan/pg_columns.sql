-- Columns of one table: b = the base type (a domain resolved), e = the element type of an array
-- (else b), so enums and arrays of enums are named; dims = array dimensions (0 for a scalar).
select a.attname,
       format_type(a.atttypid, a.atttypmod) as declared,
       format_type(b.oid, case when t.typtype = 'd' then t.typtypmod else a.atttypmod end) as base_type,
       case when e.typtype = 'e' then e.typname end as enum_name,
       case when b.typcategory = 'A' then greatest(a.attndims, 1) else 0 end as dims,
       a.attnotnull,
       a.attgenerated <> '' as generated
from pg_attribute a
join pg_type t on t.oid = a.atttypid
join pg_type b on b.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
join pg_type e on e.oid = case when b.typcategory = 'A' then b.typelem else b.oid end
where a.attrelid = ?
  and a.attnum > 0
  and not a.attisdropped
order by a.attnum
