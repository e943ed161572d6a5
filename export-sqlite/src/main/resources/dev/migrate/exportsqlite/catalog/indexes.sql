-- origin: c = CREATE INDEX, u = UNIQUE constraint, pk = PRIMARY KEY.
SELECT name, "unique", origin, partial
FROM pragma_index_list(?1)
