package dev.migrate.importpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import's connection killed by the server ({@code pg_terminate_backend}) or its JVM killed
 * with SIGKILL in the middle of loading: one clear line (when there is still someone to read
 * it), the target exactly as before, and the next run works without clean-up.
 */
class InterruptionTest extends ImportTestSupport {

    static Path staging;

    @BeforeAll
    static void bigStaging() {
        TableSchema first = StagingFixture.table("first")
                .notNull("id", StagingType.of(StagingKind.INT64))
                .pk("id")
                .build();
        TableSchema second = StagingFixture.table("second")
                .notNull("id", StagingType.of(StagingKind.INT64))
                .col("body", StagingType.of(StagingKind.TEXT))
                .pk("id")
                .build();
        staging = StagingFixture.fromSqlite()
                .add(
                        first,
                        () -> List.<Object[]>of(new Object[] {1L}, new Object[] {2L})
                                .iterator())
                .add(second, () -> HeavyRows.rows(200_000))
                .write(tmp.resolve("big"));
    }

    /** Rows generated lazily. */
    static final class HeavyRows {
        static java.util.Iterator<Object[]> rows(long n) {
            return new java.util.Iterator<>() {
                long i;

                @Override
                public boolean hasNext() {
                    return i < n;
                }

                @Override
                public Object[] next() {
                    i++;
                    return new Object[] {i, "body of row " + i + " ".repeat(40)};
                }
            };
        }
    }

    private String targetWithData() throws Exception {
        String target = db.createDatabase("interrupt");
        execute(target, "create table keep (id int primary key)", "insert into keep values (1), (2)");
        return target;
    }

    @Test
    void aTerminatedBackendLeavesTheTargetUnchanged() throws Exception {
        String target = targetWithData();
        String before = fingerprint(target);
        ImportListener killer = new ImportListener() {
            @Override
            public void rowsLoaded(String table, long rows) {
                try (Connection c = db.connect(target);
                        Statement s = c.createStatement()) {
                    s.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name ="
                            + " 'migrate import-postgres' and datname = current_database()");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        var e = catchThrowableOfType(
                MigrateException.class, () -> new PostgresImporter(options(staging, target)).run(killer));
        assertThat(e.getMessage())
                .contains("connection to PostgreSQL lost", "target is unchanged")
                .doesNotContain("\n")
                .doesNotContain(
                        db.server().password().isEmpty()
                                ? "\u0000"
                                : db.server().password());
        assertThat(fingerprint(target)).isEqualTo(before);
        // The next run works without any clean-up.
        importInto(target, staging);
        assertThat(value(target, "select count(*) from second")).isEqualTo("200000");
    }

    @Test
    void aKilledProcessLeavesTheTargetUnchanged() throws Exception {
        String target = targetWithData();
        String before = fingerprint(target);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(HeavyImportTest.class.getName());
        cmd.add(staging.toString());
        cmd.add(db.server().jdbcUrl(target));
        cmd.add(db.server().user());
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        child.getOutputStream().write(db.server().password().getBytes(StandardCharsets.UTF_8));
        child.getOutputStream().close();
        // Wait until the child is inside COPY of the big table, then SIGKILL it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        boolean copying = false;
        while (System.nanoTime() < deadline && child.isAlive()) {
            String q = value(
                    target,
                    "select count(*) from pg_stat_activity where application_name = 'migrate import-postgres'"
                            + " and query like 'COPY \"public\".\"second\"%'");
            if ("1".equals(q)) {
                copying = true;
                break;
            }
            Thread.sleep(20);
        }
        assertThat(copying).as("the child reached the COPY of the second table").isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // The server notices the dropped connection and rolls the transaction back.
        for (int i = 0; i < 200; i++) {
            if ("0"
                    .equals(value(
                            target,
                            "select count(*) from pg_stat_activity where application_name ="
                                    + " 'migrate import-postgres'"))) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(fingerprint(target)).isEqualTo(before);
        importInto(target, staging);
        assertThat(value(target, "select count(*) from second")).isEqualTo("200000");
    }
}
