-- Key columns of an index: cid -2 = an expression, -1 = the rowid.
SELECT seqno, cid, name, "desc", coll
FROM pragma_index_xinfo(?1)
WHERE "key" = 1
ORDER BY seqno
