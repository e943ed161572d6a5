-- Columns, hidden ones included: hidden 2 = virtual generated column, 3 = stored generated column.
SELECT cid, name, type, "notnull", dflt_value, pk, hidden
FROM pragma_table_xinfo(?1)
ORDER BY cid
