package dev.migrate.importpg;

import dev.migrate.core.types.StagingType;
import java.util.List;

/**
 * Turns one staged row (canonical values) into one line of COPY text: values in PostgreSQL's
 * input form, COPY-escaped, tab-separated, {@code \N} for NULL. A slot is either a staged column
 * or a constant (the owner id in tenant mode).
 */
final class CopyRowEncoder {

    /** One output column: the staged value at {@code index} of type {@code type}, or {@code constant}. */
    record Slot(int index, StagingType type, String constant) {
        static Slot staged(int index, StagingType type) {
            return new Slot(index, type, null);
        }

        static Slot constant(String text) {
            return new Slot(-1, null, text);
        }
    }

    /** A value PostgreSQL cannot take, with the staged column it came from. */
    static final class BadValue extends RuntimeException {
        final int column;

        BadValue(int column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    private final Slot[] slots;

    CopyRowEncoder(List<Slot> slots) {
        this.slots = slots.toArray(new Slot[0]);
    }

    void encode(Object[] row, CopyBuffer out) {
        for (int i = 0; i < slots.length; i++) {
            if (i > 0) {
                out.tab();
            }
            Slot slot = slots[i];
            if (slot.index < 0) {
                if (slot.constant == null) {
                    out.nullValue();
                } else {
                    out.text(slot.constant);
                }
                continue;
            }
            Object v = row[slot.index];
            if (v == null) {
                out.nullValue();
                continue;
            }
            try {
                write(slot.type, v, out);
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new BadValue(slot.index, e.getMessage());
            }
        }
        out.endRow();
    }

    private static void write(StagingType type, Object v, CopyBuffer out) {
        switch (type.kind()) {
            case INT16, INT32, INT64 -> out.decimal((Long) v);
            case BOOLEAN -> out.ascii(((Boolean) v) ? 't' : 'f');
            case BYTES -> out.byteaHex((byte[]) v);
            case DECIMAL, FLOAT32, FLOAT64 -> out.ascii(PgText.input(type, v));
            // text() rather than ascii(): a text column loaded into a date column arrives here too.
            case DATE, TIMESTAMP, TIMESTAMPTZ -> out.text(PgText.input(type, v));
            case TEXT, VARCHAR, CHAR, JSON, JSONB, ENUM, SOURCE_TEXT, UUID, TIME, TIMETZ, INTERVAL ->
                out.text((String) v);
            case ARRAY -> out.text(PgText.input(type, v));
        }
    }
}
