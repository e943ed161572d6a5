-- Every schema object in creation order (rowid of the schema table).
SELECT type, name, tbl_name, sql
FROM sqlite_master
ORDER BY rowid
