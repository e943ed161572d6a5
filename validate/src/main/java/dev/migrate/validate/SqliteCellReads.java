package dev.migrate.validate;

import dev.migrate.core.canonical.ColumnReader;
import dev.migrate.core.canonical.SqliteCell;
import dev.migrate.core.canonical.SqliteConversion;
import dev.migrate.core.canonical.SqliteDriverCells;
import dev.migrate.core.canonical.SqliteValues;
import dev.migrate.core.canonical.SqliteValues.CellConverter;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.types.Codecs;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.core.types.UuidText;
import dev.migrate.core.types.ValueCodec;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.sqlite.core.Codes;

/**
 * The validator's SQLite column readers: the same value as {@link SqliteValues#reader} (the same
 * {@link SqliteCell}, {@link SqliteValues#convert} and codec), with the cell filled more cheaply
 * ({@link SqliteDriverCells}: the storage class asked of SQLite, a TEXT value fetched as its
 * bytes), and a uuid or jsonb TEXT taken from its bytes without a cell at all.
 *
 * <p>The bytes of a TEXT value are UTF-8 only in a UTF-8 database; {@link SqliteSide} uses these
 * readers only there.
 */
final class SqliteCellReads {

    private SqliteCellReads() {}

    /**
     * A reader of {@code column} for rows of the driver's statement {@code core}, as {@link
     * SqliteSide#reader} reads it, except that a jsonb text comes as its bytes ({@link Utf8Json}).
     */
    static ColumnReader reader(ColumnSchema column, SqliteDriverCells cells) {
        return reader(column, cells, null, 0);
    }

    /**
     * As {@link #reader(ColumnSchema, SqliteDriverCells)}, also counting in {@code badForms[position]}
     * the values not in their storage form ({@link StoredForm}; not for a column export-sqlite
     * converted from epoch numbers, as {@link SqliteChecks#condition}); no counting when {@code
     * badForms} is null.
     */
    static ColumnReader reader(ColumnSchema column, SqliteDriverCells cells, long[] badForms, int position) {
        StagingType type = column.type();
        SqliteConversion conversion = SqliteConversion.of(column);
        StoredForm form = badForms != null && !conversion.isEpoch() ? StoredForm.of(type) : null;
        CellConverter converter = SqliteValues.converter(type, conversion);
        if (type.kind() == StagingKind.JSONB) {
            // Left uncompacted, as SqliteSide#reader leaves it (ComparableEncoder parses it).
            return new JsonbCells(new Column(cells, converter, null, form, badForms, position));
        }
        Column c = new Column(cells, converter, Codecs.forType(withoutSizeLimits(type)), form, badForms, position);
        return type.kind() == StagingKind.UUID ? new UuidCells(c) : new Cells(c);
    }

    /**
     * What a column's reader works with.
     *
     * @param cells the cells of the driver's statement the rows come from
     * @param converter the column's conversion ({@link SqliteValues#converter})
     * @param codec the value's canonical form; null to hand the converted value on as it is
     * @param form the stored form to count values against; null when not counting
     * @param badForms where to count them, at {@code position}; null when not counting
     * @param position the column's place among the compared columns
     */
    private record Column(
            SqliteDriverCells cells,
            CellConverter converter,
            ValueCodec codec,
            StoredForm form,
            long[] badForms,
            int position) {}

    /**
     * Reads one column's cells. A class per kind of column (this one, {@link JsonbCells}, {@link UuidCells}) and the
     * conversion as a function chosen once ({@link SqliteValues#converter}) keep each reading
     * method small: as one method for every column it was among the JIT's costliest compilations.
     */
    private static class Cells implements ColumnReader {
        private final SqliteDriverCells cells;
        private final CellConverter converter;
        private final ValueCodec codec;
        final StoredForm form;
        private final long[] badForms;
        private final int position;
        private final SqliteCell cell = new SqliteCell();

        /** The cell this reader fills, for a subclass that fills it itself. */
        final SqliteCell cell() {
            return cell;
        }

        Cells(Column c) {
            this.cells = c.cells();
            this.converter = c.converter();
            this.codec = c.codec();
            this.form = c.form();
            this.badForms = c.badForms();
            this.position = c.position();
        }

        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            return fromCell(storageClass(index), rs, index);
        }

        /** The storage class of the current row's value ({@code sqlite3_column_type}). */
        final int storageClass(int index) throws SQLException {
            return cells.storageClass(index);
        }

        /** The value through a {@link SqliteCell}, its stored form counted. */
        final Object fromCell(int storageClass, ResultSet rs, int index) throws SQLException {
            SqliteDriverCells.fill(cell, storageClass, rs, index);
            return fromFilledCell();
        }

        /** The value of the cell as {@link #fill} left it, its stored form counted. */
        final Object fromFilledCell() {
            if (cell.isNull()) {
                return null;
            }
            if (form != null && !form.conforms(cell)) {
                countBadForm();
            }
            Object value = converter.convert(cell);
            return codec == null ? value : codec.canonical(value);
        }

        final void countBadForm() {
            badForms[position]++;
        }
    }

    /** A jsonb column: TEXT as its UTF-8 bytes ({@link Utf8Json}); anything else as a cell. */
    private static final class JsonbCells extends Cells {
        /** For the stored form's check; null when not counting. */
        private final JsonbCanonicalText canonical;

        JsonbCells(Column c) {
            super(c);
            this.canonical = c.form() != null ? new JsonbCanonicalText() : null;
        }

        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            int storageClass = storageClass(index);
            if (storageClass == Codes.SQLITE_TEXT) {
                Utf8Json json = jsonb(rs, index);
                if (json != null) {
                    if (form != null && !conformsAsJsonb(json, form, canonical)) {
                        countBadForm();
                    }
                    return json;
                }
            }
            return fromCell(storageClass, rs, index);
        }
    }

    /**
     * A uuid column: a TEXT value already in canonical form ({@link UuidText}, what import-sqlite
     * stores) is taken from its bytes by one scan; it is its own stored form, converted value and
     * canonical value, which the cell's path found by decoding it and checking it three times over
     * (~15 % of the reading thread's samples on the tenant workload's four uuid columns). Anything
     * else is read as a cell.
     */
    private static final class UuidCells extends Cells {
        UuidCells(Column c) {
            super(c);
        }

        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            int storageClass = storageClass(index);
            if (storageClass != Codes.SQLITE_TEXT) {
                return fromCell(storageClass, rs, index);
            }
            byte[] raw = rs.getBytes(index);
            if (raw != null && UuidText.isCanonical(raw, 0, raw.length)) {
                return new String(raw, StandardCharsets.ISO_8859_1);
            }
            SqliteDriverCells.fillText(cell(), raw);
            return fromFilledCell();
        }
    }

    /**
     * The stored form of a jsonb TEXT value, and its canonical text while at it: what the fast
     * path of {@link JsonbCanonicalText} takes is strict RFC 8259 JSON ({@code
     * StoredFormTest.whatTheJsonbFastPathTakesIsValidJson}), so the one pass the comparison needs
     * anyway decides the stored form too; only documents it gives up on are read a second time
     * ({@link StoredForm#conformsAsJson}). Checking them separately was ~12 % of the reading
     * thread's samples on the tenant workload. The encoder then copies the canonical text.
     */
    private static boolean conformsAsJsonb(Utf8Json json, StoredForm form, JsonbCanonicalText canonical) {
        byte[] utf8 = json.bytes();
        if (canonical.fastBytes(utf8, 0, utf8.length)) {
            json.canonical(Arrays.copyOf(canonical.buffer(), canonical.length()));
            return true;
        }
        return form.conformsAsJson(utf8);
    }

    /**
     * A jsonb TEXT value as its stored UTF-8 bytes, which {@link ComparableEncoder} reads without
     * decoding them (see {@link Utf8Json}); null when they are not well-formed UTF-8, which the
     * cell then reads (and reports) as before.
     */
    private static Utf8Json jsonb(ResultSet rs, int index) throws SQLException {
        byte[] raw = rs.getBytes(index);
        return raw == null ? null : Utf8Json.ifValid(raw);
    }

    /** As SqliteValues reads: SQLite enforces neither a decimal's precision nor a text's length. */
    private static StagingType withoutSizeLimits(StagingType type) {
        return switch (type.kind()) {
            case DECIMAL -> StagingType.decimal(null, null);
            case VARCHAR, CHAR -> StagingType.of(type.kind());
            default -> type;
        };
    }
}
