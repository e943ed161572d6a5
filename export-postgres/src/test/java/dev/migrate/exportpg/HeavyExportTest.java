package dev.migrate.exportpg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.staging.TableReader;
import dev.migrate.testing.PostgresDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One million rows of mixed types exported by a JVM limited to 256 MB of heap: memory stays
 * flat because rows stream through a cursor into the file. Heavy: runs with {@code -Pheavy}
 * ({@code -Dmigrate.heavy=true}).
 */
@EnabledIfSystemProperty(named = "migrate.heavy", matches = "true")
class HeavyExportTest {

    static final int ROWS = 1_000_000;

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path tmp;

    @Test
    void aMillionRowsExportWithA256MegabyteHeap() throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("""
                    create table big (
                        id bigint primary key,
                        name text not null,
                        amount numeric(12,2),
                        ratio double precision,
                        created timestamptz not null,
                        day date,
                        active boolean,
                        ref uuid,
                        payload jsonb,
                        tags text[],
                        blob bytea);
                    insert into big
                    select g,
                           'name ' || g || ' ' || repeat('x', g %% 50),
                           (g %% 100000) / 100.0,
                           g / 7.0,
                           timestamptz '2020-01-01 00:00:00+00' + g * interval '1 second',
                           date '2000-01-01' + (g %% 10000),
                           g %% 3 = 0,
                           md5(g::text)::uuid,
                           jsonb_build_object('g', g, 'even', g %% 2 = 0),
                           array['t' || (g %% 10), null, 'x'],
                           decode(md5(g::text), 'hex')
                    from generate_series(1, %d) g;
                    analyze big;
                    """.formatted(ROWS));
        }
        Path dir = tmp.resolve("big");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        HeavyExportMain.class.getName(),
                        db.jdbcUrl(),
                        db.server().user(),
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("export.log").toFile());
        pb.environment().put("MIGRATE_TEST_PASSWORD", db.server().password());
        Process p = pb.start();
        try {
            boolean done = p.waitFor(10, TimeUnit.MINUTES);
            assertThat(done).as("export finished in time").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String output = Files.readString(tmp.resolve("export.log"), StandardCharsets.UTF_8);
        System.out.println("forked export (-Xmx256m): " + output.strip());
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("rows=" + ROWS).contains("maxHeapMb=");

        StagingReader reader = StagingReader.open(dir);
        assertThat(reader.manifest().entry("big").orElseThrow().rows()).isEqualTo(ROWS);
        long n = 0;
        try (TableReader t = reader.openTable("big")) {
            for (Object[] row = t.next(); row != null; row = t.next()) {
                n++;
                long id = (Long) row[0];
                if (id == 1) {
                    assertThat(row[1]).isEqualTo("name 1 x");
                    assertThat(row[2]).isEqualTo("0.01");
                    assertThat(row[4]).isEqualTo("2020-01-01 00:00:01+00:00");
                    assertThat(row[9]).isEqualTo(Arrays.asList("t1", null, "x"));
                    assertThat(row[8]).isEqualTo("{\"g\":1,\"even\":false}");
                }
            }
        }
        assertThat(n).isEqualTo(ROWS);
    }
}
