package dev.migrate.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import dev.migrate.core.config.Locations.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTargetAndLocationsTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = Map.of("HOME", "/home/tester");

    @Test
    void parsesEverySqliteSpelling() {
        assertThat(SqliteTarget.parse("app.db", env).path()).isEqualTo(Path.of("app.db"));
        assertThat(SqliteTarget.parse("/var/lib/app.db", env).path()).isEqualTo(Path.of("/var/lib/app.db"));
        assertThat(SqliteTarget.parse("sqlite:app.db", env).path()).isEqualTo(Path.of("app.db"));
        assertThat(SqliteTarget.parse("sqlite:/abs/app.db", env).path()).isEqualTo(Path.of("/abs/app.db"));
        assertThat(SqliteTarget.parse("sqlite:///app.db", env).path()).isEqualTo(Path.of("app.db"));
        assertThat(SqliteTarget.parse("sqlite:////abs/app.db", env).path()).isEqualTo(Path.of("/abs/app.db"));
        assertThat(SqliteTarget.parse("jdbc:sqlite:/abs/app.db", env).path()).isEqualTo(Path.of("/abs/app.db"));
        assertThat(SqliteTarget.parse("JDBC:SQLITE:rel.db", env).path()).isEqualTo(Path.of("rel.db"));
        assertThat(SqliteTarget.parse("~/data/app.db", env).path()).isEqualTo(Path.of("/home/tester/data/app.db"));
        assertThat(SqliteTarget.parse("  spaced name.db ", env).path()).isEqualTo(Path.of("spaced name.db"));
    }

    @Test
    void refusesWhatIsNotAFile() {
        assertThatThrownBy(() -> SqliteTarget.parse("", env)).hasMessage("no SQLite database file given");
        assertThatThrownBy(() -> SqliteTarget.parse("sqlite:", env)).isInstanceOf(MigrateException.class);
        assertThatThrownBy(() -> SqliteTarget.parse("jdbc:sqlite::memory:", env))
                .hasMessageContaining("in-memory databases and URI parameters are not supported");
        assertThatThrownBy(() -> SqliteTarget.parse("jdbc:sqlite:file:app.db?mode=ro", env))
                .isInstanceOf(MigrateException.class);
        assertThatThrownBy(() -> SqliteTarget.parse("sqlite://host/app.db", env))
                .hasMessageContaining("write sqlite:///relative.db");
    }

    @Test
    void jdbcUrlIsAbsolute() {
        SqliteTarget t = SqliteTarget.parse("rel.db", env);
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:sqlite:" + Path.of("rel.db").toAbsolutePath());
        assertThat(t.describe()).isEqualTo("rel.db");
    }

    @Test
    void detectsPostgresLocationsByScheme() {
        for (String url : new String[] {
            "postgresql://u:pw@h/db",
            "postgres://h/db",
            "jdbc:postgresql://h/db",
            "jdbc:postgresql:db",
            "postgresql+psycopg2://h/db",
            "POSTGRESQL://H/DB"
        }) {
            assertThat(Locations.detect(url, env)).as(url).isEqualTo(Kind.POSTGRES);
        }
    }

    @Test
    void detectsSqliteFilesByHeader() throws Exception {
        Path real = dir.resolve("real.sqlite3");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + real)) {
            c.createStatement().execute("create table t (x)");
        }
        assertThat(Locations.detect(real.toString(), env)).isEqualTo(Kind.SQLITE);
        // the name does not matter, the header does
        Path oddName = dir.resolve("data.bin");
        Files.write(oddName, Files.readAllBytes(real));
        assertThat(Locations.detect(oddName.toString(), env)).isEqualTo(Kind.SQLITE);
        Path empty = Files.createFile(dir.resolve("empty.db"));
        assertThat(Locations.detect(empty.toString(), env)).isEqualTo(Kind.SQLITE);
        assertThat(Locations.detect("sqlite:" + dir.resolve("new.db"), env)).isEqualTo(Kind.SQLITE);
        assertThat(Locations.detect(dir.resolve("not-yet.db").toString(), env)).isEqualTo(Kind.SQLITE);
    }

    @Test
    void refusesFilesThatAreNotSqliteAndOtherLocations() throws Exception {
        Path commands = dir.resolve("load.db");
        Files.writeString(commands, "LOAD DATABASE FROM sqlite:///x.db INTO postgresql:///y", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Locations.detect(commands.toString(), env))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(
                        "is not a SQLite database (it does not start with the \"SQLite format 3\" header)");
        Path almost = dir.resolve("almost.db");
        Files.write(almost, "SQLite format 2\0xxxxxxxx".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Locations.detect(almost.toString(), env)).isInstanceOf(MigrateException.class);
        assertThatThrownBy(() -> Locations.detect(dir.toString(), env)).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> Locations.detect("mysql://u:pw@h/db", env))
                .hasMessage(
                        "unsupported location \"mysql://u:pw@h/db\": expected a postgresql:// URL or a SQLite file");
        assertThatThrownBy(() -> Locations.detect("localhost:5432/app", env))
                .hasMessageContaining("looks like a PostgreSQL server without its scheme");
        assertThatThrownBy(() -> Locations.detect(" ", env)).hasMessage("no database location given");
    }
}
