-- Identity and serial columns of the schema's tables with their sequence's next value.
-- pg_sequence_last_value is null before the first nextval: then the next value is the start
-- value. It needs SELECT or USAGE on the sequence, which a role allowed to read the tables may
-- lack: then readable is false, next_value null (the CASE never calls it) and the check is skipped
-- with a warning, instead of the whole query failing with "permission denied for sequence".
select c.relname, a.attname,
       case when not has_sequence_privilege(s.seqrelid, 'SELECT, USAGE') then null
            when pg_sequence_last_value(s.seqrelid) is null then s.seqstart
            else pg_sequence_last_value(s.seqrelid) + s.seqincrement end as next_value,
       s.seqincrement,
       has_sequence_privilege(s.seqrelid, 'SELECT, USAGE') as readable,
       s.seqrelid::regclass::text as sequence_name
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
join pg_sequence s
  on s.seqrelid = pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname)::regclass
where n.nspname = ?
  and c.relkind in ('r', 'p')
  and pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) is not null
