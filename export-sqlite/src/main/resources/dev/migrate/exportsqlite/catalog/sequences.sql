-- AUTOINCREMENT counters: the largest id ever handed out per table.
SELECT name, seq
FROM sqlite_sequence
