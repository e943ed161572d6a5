package dev.migrate.importpg;

import static dev.migrate.importpg.StagingFixture.row;
import static dev.migrate.importpg.StagingFixture.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.core.MigrateException;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The staging files are verified while they are copied, not before: a file tampered with after
 * export is still refused as a SHA-256 mismatch, and the target is unchanged, even when the rows
 * before the tampered one were already copied and the import dropped existing tables first
 * (everything happens in the one transaction that is committed only after every file matched).
 */
class StreamingVerificationTest extends ImportTestSupport {

    static final StagingType INT = StagingType.of(StagingKind.INT64);
    static final StagingType TEXT = StagingType.of(StagingKind.TEXT);
    static final String MISMATCH = "SHA-256 mismatch: the file was modified or corrupted after export";
    /** Enough rows for the reader's read-ahead thread and several COPY flushes. */
    static final int ROWS = 20_000;

    /** authors (2 rows), then books (ROWS rows, title "book i", NOT NULL). */
    private Path staging(String name) {
        Object[][] books = new Object[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            books[i] = row((long) i + 1, "book " + (i + 1) + " " + "x".repeat(40));
        }
        return StagingFixture.fromSqlite()
                .add(table("authors").notNull("id", INT).col("name", TEXT).pk("id"), row(1L, "Ann"), row(2L, "Bo"))
                .add(table("books").notNull("id", INT).notNull("title", TEXT).pk("id"), books)
                .write(tmp.resolve(name));
    }

    /** Replaces the last occurrence of {@code from} by {@code to}, of the same length (the size still matches). */
    private static void tamper(Path file, String from, String to) throws IOException {
        assertThat(to).hasSameSizeAs(from);
        String text = Files.readString(file);
        int at = text.lastIndexOf(from);
        assertThat(at).isNotNegative();
        Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    private String targetWithAuthors() throws Exception {
        String target = db.createDatabase("streaming");
        execute(
                target,
                "create table authors (id bigint primary key, name text not null)",
                "insert into authors values (50, 'Old')",
                "create table unrelated (id int primary key)",
                "insert into unrelated values (1)");
        return target;
    }

    private MigrateException failsLeavingTargetUnchanged(String target, Path staging) throws Exception {
        String before = fingerprint(target);
        MigrateException e = catchThrowableOfType(
                MigrateException.class,
                () -> new PostgresImporter(options(staging, target).withDropExisting(true)).run(ImportListener.NONE));
        assertThat(e).isNotNull();
        assertThat(fingerprint(target)).isEqualTo(before);
        return e;
    }

    @Test
    void aFileTamperedInItsLastRowLeavesTheTargetUnchanged() throws Exception {
        Path s = staging("last-row");
        Path books = s.resolve("books.json");
        tamper(books, "book " + ROWS + " ", "BOOK " + ROWS + " ");
        String target = targetWithAuthors();
        MigrateException e = failsLeavingTargetUnchanged(target, s);
        assertThat(e.getMessage()).isEqualTo("file " + books + ", table \"books\": " + MISMATCH);
        assertThat(e.kind()).isEqualTo(MigrateException.Kind.INPUT);
    }

    @Test
    void tamperingThatMakesTheJsonInvalidIsReportedAsTheMismatch() throws Exception {
        Path s = staging("invalid-json");
        Path books = s.resolve("books.json");
        tamper(books, "{\"id\":15000,", "{\"id\":15000}");
        MigrateException e = failsLeavingTargetUnchanged(targetWithAuthors(), s);
        assertThat(e.getMessage()).isEqualTo("file " + books + ", table \"books\": " + MISMATCH);
    }

    @Test
    void aTamperedValueTheServerRefusesIsReportedAsTheMismatch() throws Exception {
        Path s = staging("refused");
        Path books = s.resolve("books.json");
        // Valid JSON (whitespace pads it to the same size), but NULL into NOT NULL mid-COPY.
        String title = "\"title\":\"book 12000 " + "x".repeat(40) + "\"";
        String nul = "\"title\":null";
        tamper(books, title, nul + " ".repeat(title.length() - nul.length()));
        MigrateException e = failsLeavingTargetUnchanged(targetWithAuthors(), s);
        assertThat(e.getMessage()).isEqualTo("file " + books + ", table \"books\": " + MISMATCH);
    }

    @Test
    void anIntactStagingStillImports() throws Exception {
        String target = db.createDatabase("streaming_ok");
        importInto(target, staging("intact"));
        assertThat(value(target, "select count(*) from books")).isEqualTo(String.valueOf(ROWS));
        assertThat(value(target, "select title from books where id = " + ROWS))
                .isEqualTo("book " + ROWS + " " + "x".repeat(40));
        assertThat(rows(target, "select id, name from authors order by id")).containsExactly("1|Ann", "2|Bo");
    }
}
