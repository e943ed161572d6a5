-- One row per column of each foreign key; "to" is NULL when REFERENCES names no columns.
SELECT id, seq, "table", "from", "to", on_update, on_delete
FROM pragma_foreign_key_list(?1)
ORDER BY id, seq
