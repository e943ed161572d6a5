-- Table kinds and options as SQLite itself reports them (shadow tables of virtual tables included).
SELECT name, type, wr, strict
FROM pragma_table_list
WHERE schema = 'main'
