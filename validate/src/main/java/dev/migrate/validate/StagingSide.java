package dev.migrate.validate;

import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.staging.TableReader;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A staging directory, verified once (sizes, SHA-256, row counts) when opened. */
final class StagingSide implements Side {

    private final Endpoint.Staging endpoint;
    private final StagingReader reader;

    StagingSide(Endpoint.Staging endpoint) {
        this.endpoint = endpoint;
        this.reader = StagingReader.open(endpoint.directory());
    }

    Manifest manifest() {
        return reader.manifest();
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public String kind() {
        return "staging";
    }

    @Override
    public Set<String> tables() {
        Set<String> out = new LinkedHashSet<>();
        reader.manifest().schema().tables().forEach(t -> out.add(t.name()));
        return out;
    }

    @Override
    public Map<String, String> columns(String table) {
        Map<String, String> out = new LinkedHashMap<>();
        reader.manifest()
                .schema()
                .table(table)
                .ifPresent(
                        t -> t.columns().forEach(c -> out.put(c.name(), c.type().toString())));
        return out;
    }

    @Override
    public List<String> primaryKey(String table) {
        return reader.manifest()
                .schema()
                .table(table)
                .map(TableSchema::primaryKey)
                .orElse(List.of());
    }

    @Override
    public RowStream rows(String table, List<String> cols, List<ColumnSchema> compared, Selection selection) {
        if (selection.where() != null || selection.byOtherSideKeys()) {
            throw new IllegalStateException("a staging file is always read whole");
        }
        TableReader in = reader.openTable(table);
        List<ColumnSchema> schema = in.table().columns();
        int[] index = new int[cols.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = in.table().columnIndex(cols.get(i));
            if (index[i] < 0) {
                in.close();
                throw new IllegalStateException("no column " + cols.get(i) + " in staging table " + table);
            }
        }
        assert schema.size() >= index.length;
        return new RowStream() {
            @Override
            public Object[] next() {
                Object[] all = in.next();
                if (all == null) {
                    return null;
                }
                Object[] row = new Object[index.length];
                for (int i = 0; i < index.length; i++) {
                    row[i] = all[index[i]];
                }
                return row;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    public void close() {
        // TableReaders are closed by their streams; the reader holds no other resource.
    }
}
