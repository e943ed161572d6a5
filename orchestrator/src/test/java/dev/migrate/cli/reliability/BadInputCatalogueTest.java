package dev.migrate.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrate.cli.ExitCodes;
import dev.migrate.testing.PostgresDatabase;
import dev.migrate.testing.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue: every row is an input users can give (a damaged staging directory, an
 * unusable target, a hostile name, a wrong password, a misused flag...), the exit code and message
 * fragment it must produce, and proof that the target was left as it was (SQLite: SHA-256 of the
 * file and the names beside it; PostgreSQL: catalog and data; export: the staging directory, or its
 * absence). A failure must be one {@code error:} line naming the file, table, row and column where
 * they apply, with no stack trace. Rows expected to succeed say what the result must hold.
 * docs/reliability.md renders this table.
 */
class BadInputCatalogueTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    /** A password no output may ever show. */
    static final String PASSWORD = "Catalogue-Pw-4711";

    static final String PW_USER = "rel_cat_pw_" + ProcessHandle.current().pid();
    static final String NOPRIV_USER =
            "rel_cat_nopriv_" + ProcessHandle.current().pid();

    @TempDir
    static Path shared;

    static Path goodStaging;
    static Path goodTarget;
    static String dupEmailDb;
    static String emptyDb;
    static PasswordRoles roles;

    @TempDir
    Path work;

    // ---- the table ----

    static Stream<Case> catalogue() {
        return Stream.of(
                // staging directory -> import-sqlite (an existing target that must stay byte-identical)
                fails(
                        "manifest: not JSON",
                        3,
                        "manifest.json: manifest is not valid JSON at line 1, column 2: unexpected character 'n':"
                                + " expected double-quote to start field name",
                        importSqlite(d -> Files.writeString(d.resolve("manifest.json"), "{not json"))),
                fails(
                        "manifest: empty file",
                        3,
                        "manifest.json: manifest is empty or not a JSON object",
                        importSqlite(d -> Files.writeString(d.resolve("manifest.json"), ""))),
                fails(
                        "manifest: truncated",
                        3,
                        // Half the manifest ends inside an object or an array, depending on its length (the
                        // server version and times are in it).
                        "manifest.json: manifest is not valid JSON at line … : unexpected end of input (an … is not"
                                + " closed)",
                        importSqlite(d -> {
                            String m = Files.readString(d.resolve("manifest.json"));
                            Files.writeString(d.resolve("manifest.json"), m.substring(0, m.length() / 2));
                        })),
                fails(
                        "manifest: a JSON array",
                        3,
                        "manifest.json: manifest is empty or not a JSON object",
                        importSqlite(d -> Files.writeString(d.resolve("manifest.json"), "[1, 2]"))),
                fails(
                        "manifest: missing (export did not finish)",
                        3,
                        "manifest.json: no manifest: the export is missing or did not finish",
                        importSqlite(d -> Files.delete(d.resolve("manifest.json")))),
                fails(
                        "manifest: unknown format version",
                        3,
                        "manifest.json: unsupported staging format version 99 (this build reads version 1)",
                        importSqlite(d -> StagingEdits.editManifest(d, m -> m.put("formatVersion", 99)))),
                fails(
                        "manifest: format version as a string",
                        3,
                        "manifest has no integer formatVersion",
                        importSqlite(d -> StagingEdits.editManifest(d, m -> m.put("formatVersion", "1")))),
                fails(
                        "manifest: a file name leaving the directory",
                        3,
                        "table \"tags\" has an unsafe file name ../tags.json",
                        importSqlite(d -> StagingEdits.replaceInManifest(d, "\"tags.json\"", "\"../tags.json\""))),
                fails(
                        "manifest: a negative row count",
                        3,
                        "table \"tags\" has a negative row count",
                        importSqlite(d -> StagingEdits.editManifest(
                                d, m -> entry(m, "tags").put("rows", -1)))),
                fails(
                        "manifest: a table without its file entry",
                        3,
                        "table \"tags\" has no file entry",
                        importSqlite(d -> StagingEdits.editManifest(d, m -> {
                            ArrayNode tables = (ArrayNode) m.get("tables");
                            for (int i = 0; i < tables.size(); i++) {
                                if (tables.get(i).get("table").asText().equals("tags")) {
                                    tables.remove(i);
                                    return;
                                }
                            }
                        }))),
                fails(
                        "manifest: no schema",
                        3,
                        "manifest lacks schema or tables",
                        importSqlite(d -> StagingEdits.editManifest(d, m -> m.remove("schema")))),
                fails(
                        "table file: one byte changed",
                        3,
                        "notes.json, table \"notes\": SHA-256 mismatch: the file was modified or corrupted",
                        importSqlite(d -> {
                            String t = Files.readString(d.resolve("notes.json"));
                            Files.writeString(d.resolve("notes.json"), t.replace("first note", "first nope"));
                        })),
                fails("table file: truncated", 3, "notes.json, table \"notes\": size is", importSqlite(d -> {
                    byte[] b = Files.readAllBytes(d.resolve("notes.json"));
                    Files.write(d.resolve("notes.json"), Arrays.copyOf(b, b.length / 2));
                })),
                fails(
                        "table file: missing",
                        3,
                        "users.json, table \"users\": table file is missing",
                        importSqlite(d -> Files.delete(d.resolve("users.json")))),
                fails(
                        "table file: a row with an unknown column",
                        3,
                        "tags.json, table \"tags\", row 2, column \"extra\": unknown column",
                        importSqlite(d -> StagingEdits.rewriteTable(
                                d,
                                "tags.json",
                                "[\n{\"id\":1,\"label\":\"red\"},\n{\"id\":2,\"label\":\"blue\",\"extra\":5}\n]\n",
                                2))),
                fails(
                        "table file: a string in an integer column",
                        3,
                        "tags.json, table \"tags\", row 1, column \"id\": expected an integer",
                        importSqlite(d -> StagingEdits.rewriteTable(
                                d, "tags.json", "[\n{\"id\":\"one\",\"label\":\"red\"}\n]\n", 1))),
                fails(
                        "table file: a number in a text column",
                        3,
                        "tags.json, table \"tags\", row 1, column \"label\": expected text as a JSON string, found 7",
                        importSqlite(
                                d -> StagingEdits.rewriteTable(d, "tags.json", "[\n{\"id\":1,\"label\":7}\n]\n", 1))),
                fails(
                        "table file: a column missing from a row",
                        3,
                        "tags.json, table \"tags\", row 1, column \"label\": column missing from row",
                        importSqlite(d -> StagingEdits.rewriteTable(d, "tags.json", "[\n{\"id\":1}\n]\n", 1))),
                fails(
                        "table file: fewer rows than the manifest says",
                        3,
                        "tags.json, table \"tags\": holds 1 rows, manifest says 5",
                        importSqlite(d ->
                                StagingEdits.rewriteTable(d, "tags.json", "[\n{\"id\":1,\"label\":\"red\"}\n]\n", 5))),
                fails(
                        "table file: invalid UTF-8",
                        3,
                        "tags.json, table \"tags\", row 1: malformed JSON at line … : invalid UTF-8 start byte 0xff",
                        importSqlite(d -> StagingEdits.rewriteTable(
                                d,
                                "tags.json",
                                concat(
                                        "[\n{\"id\":1,\"label\":\"A".getBytes(StandardCharsets.UTF_8),
                                        new byte[] {(byte) 0xff, (byte) 0xfe},
                                        "\"}\n]\n".getBytes(StandardCharsets.UTF_8)),
                                1))),
                fails(
                        "table file: an object, not an array",
                        3,
                        "tags.json, table \"tags\": table file does not start with a JSON array",
                        importSqlite(d -> StagingEdits.rewriteTable(d, "tags.json", "{}\n", 0))),
                fails(
                        "table file: a row that is not an object",
                        3,
                        "tags.json, table \"tags\": row 1 is not a JSON object",
                        importSqlite(d -> StagingEdits.rewriteTable(d, "tags.json", "[\n1\n]\n", 1))),
                fails(
                        "table file: a duplicate primary key",
                        3,
                        "table \"users\", row 2, column \"id\": the value violates the SQLite table's constraint",
                        importSqlite(d -> StagingEdits.rewriteTable(
                                d,
                                "users.json",
                                "[\n{\"id\":1,\"email\":\"a@example.com\",\"name\":\"A\"},\n"
                                        + "{\"id\":1,\"email\":\"b@example.com\",\"name\":\"B\"}\n]\n",
                                2))),
                fails(
                        "table file: NULL in a NOT NULL column",
                        3,
                        "table \"users\", row 1, column \"email\"",
                        importSqlite(d -> StagingEdits.rewriteTable(
                                d, "users.json", "[\n{\"id\":1,\"email\":null,\"name\":\"A\"}\n]\n", 1))),
                fails("staging path is a file", 3, "staging path is not a directory", work -> {
                    Path file = Files.writeString(work.resolve("not-a-dir"), "x");
                    return importSqliteFrom(work, file);
                }),
                fails(
                        "staging directory does not exist",
                        3,
                        "staging directory does not exist",
                        work -> importSqliteFrom(work, work.resolve("missing-export"))),

                // SQLite targets
                fails(
                        "target in a missing directory",
                        3,
                        "nowhere/app.db: the target's directory does not exist",
                        work -> sqliteTarget(
                                work.resolve("nowhere/app.db"),
                                "import-sqlite",
                                "--export-dir",
                                goodStaging.toString(),
                                "--to",
                                work.resolve("nowhere/app.db").toString())),
                fails(
                        "target in a read-only directory",
                        4,
                        "permission denied or read-only",
                        BadInputCatalogueTest::readOnlyDirectory),
                fails(
                        "target locked by another process",
                        4,
                        "target is locked by another connection",
                        BadInputCatalogueTest::lockedTarget),
                fails("target is not a SQLite database", 3, "is not a SQLite database", work -> {
                    Path target = Files.writeString(work.resolve("notes.txt"), "my notes, not a database\n".repeat(20));
                    return sqliteTarget(
                            target, "import-sqlite", "--export-dir", goodStaging.toString(), "--to", target.toString());
                }),
                fails("target is a directory", 3, "target-dir", work -> {
                    Path target = Files.createDirectories(work.resolve("target-dir"));
                    return new Prepared(
                            args("import-sqlite", "--export-dir", goodStaging.toString(), "--to", target.toString()),
                            Map.of(),
                            () -> Fingerprints.tree(work));
                }),

                // SQLite sources -> export-sqlite (the staging directory must not appear)
                fails("SQLite source is not a database", 3, "is not a SQLite database", work -> {
                    Path source = Files.writeString(work.resolve("app.db"), "not a database at all\n".repeat(20));
                    return exportTo(work, "export-sqlite", "--from", source.toString());
                }),
                fails("SQLite source does not exist (and is not created)", 3, "missing.db: no such file", work -> {
                    Prepared p = exportTo(
                            work,
                            "export-sqlite",
                            "--from",
                            work.resolve("missing.db").toString());
                    return p.alsoWatching(() -> Fingerprints.file(work.resolve("missing.db")));
                }),
                succeeds(
                        "SQLite source: an empty database",
                        work -> {
                            Path source = sqlite(work.resolve("empty.db"), "pragma user_version = 1");
                            return exportTo(work, "export-sqlite", "--from", source.toString());
                        },
                        (work, run) -> assertThat(
                                        manifest(work.resolve("export")).get("tables"))
                                .isEmpty()),
                succeeds(
                        "SQLite source: text that is not valid UTF-8 (kept as bytes, reported)",
                        work -> {
                            Path source = sqlite(
                                    work.resolve("app.db"),
                                    "create table bu (id integer primary key, v text)",
                                    "insert into bu values (1, cast(x'41ff42' as text))");
                            return sqliteToPostgres(work, source);
                        },
                        (work, run) -> {
                            assertThat(Files.readString(work.resolve("export/manifest.json")))
                                    .contains("not valid UTF-8");
                            assertThat(pgValue(run, "select encode(v, 'hex') from bu"))
                                    .isEqualTo("41ff42");
                        }),

                // shapes and names
                succeeds(
                        "a table with 0 rows",
                        work -> {
                            Path target = work.resolve("app.db");
                            return sqliteTarget(
                                    target,
                                    "import-sqlite",
                                    "--export-dir",
                                    goodStaging.toString(),
                                    "--to",
                                    target.toString());
                        },
                        (work, run) -> assertThat(
                                        sqliteValue(work.resolve("app.db"), "select count(*) from empty_table"))
                                .isEqualTo("0")),
                succeeds(
                        "2000 columns (SQLite's limit) -> SQLite",
                        work -> {
                            Path staging = StagingEdits.wide(work.resolve("export"), 2000);
                            Path target = work.resolve("wide.db");
                            return sqliteTarget(
                                    target,
                                    "import-sqlite",
                                    "--export-dir",
                                    staging.toString(),
                                    "--to",
                                    target.toString());
                        },
                        (work, run) -> assertThat(sqliteValue(
                                        work.resolve("wide.db"), "select count(*) || ' ' || sum(c1999) from wide"))
                                .isEqualTo("2 " + (10000 + 1999 + 20000 + 1999))),
                fails(
                        "2001 columns -> SQLite",
                        4,
                        "SQLite failed while building the new database: too many columns on wide;"
                                + " the target was not changed",
                        work -> {
                            Path staging = StagingEdits.wide(work.resolve("export"), 2001);
                            Path target = work.resolve("wide.db");
                            return sqliteTarget(
                                    target,
                                    "import-sqlite",
                                    "--export-dir",
                                    staging.toString(),
                                    "--to",
                                    target.toString());
                        }),
                fails(
                        "2000 columns -> PostgreSQL (at most 1600)",
                        4,
                        "table \"wide\": creating the table failed: tables can have at most 1600 columns",
                        work -> {
                            Path staging = StagingEdits.wide(work.resolve("export"), 2000);
                            return importPostgres(work, staging);
                        }),
                succeeds(
                        "2000 columns in a SQLite source -> export-sqlite",
                        work -> {
                            String cols = String.join(
                                    ", ",
                                    IntStream.range(1, 2000)
                                            .mapToObj(k -> "c" + k + " integer")
                                            .toList());
                            Path source = sqlite(
                                    work.resolve("wide.db"),
                                    "create table wide (id integer primary key, " + cols + ")",
                                    "insert into wide (id, c1, c1999) values (1, 2, 3)");
                            return exportTo(work, "export-sqlite", "--from", source.toString());
                        },
                        (work, run) -> assertThat(Files.readString(work.resolve("export/wide.json")))
                                .contains("\"c1999\":3")),
                succeeds(
                        "names with quotes, spaces, dots and newlines -> PostgreSQL",
                        work -> {
                            Path source = sqlite(
                                    work.resolve("app.db"),
                                    "create table \"we\"\"ird. na\nme\" (\"co\"\"l. 1\" integer primary key, \"sp ace\" text)",
                                    "insert into \"we\"\"ird. na\nme\" values (1, 'x')");
                            return sqliteToPostgres(work, source);
                        },
                        (work, run) -> assertThat(
                                        pgValue(run, "select \"co\"\"l. 1\" || \"sp ace\" from \"we\"\"ird. na\nme\""))
                                .isEqualTo("1x")),
                fails(
                        "a table name over 63 bytes -> PostgreSQL",
                        3,
                        "table \"" + "t".repeat(64) + "\" is 64 bytes (PostgreSQL keeps at most 63 bytes",
                        work -> sqliteToPostgres(
                                work,
                                sqlite(
                                        work.resolve("app.db"),
                                        "create table " + "t".repeat(64) + " (id integer primary key)"))),
                fails(
                        "a column name over 63 bytes -> PostgreSQL",
                        3,
                        "column \"" + "c".repeat(70) + "\" of table \"tl\" is 70 bytes",
                        work -> sqliteToPostgres(
                                work,
                                sqlite(
                                        work.resolve("app.db"),
                                        "create table tl (" + "c".repeat(70) + " integer primary key)"))),
                fails(
                        "names equal after PostgreSQL truncates them",
                        3,
                        "become the same name after truncation",
                        work -> sqliteToPostgres(
                                work,
                                sqlite(
                                        work.resolve("app.db"),
                                        "create table " + "a".repeat(63) + "x (id integer primary key)",
                                        "create table " + "a".repeat(63) + "y (id integer primary key)"))),
                fails(
                        "NUL in text bound for PostgreSQL",
                        3,
                        "table \"nt\", row 2, column \"v\": text contains a NUL character (U+0000)",
                        work -> sqliteToPostgres(
                                work,
                                sqlite(
                                        work.resolve("app.db"),
                                        "create table nt (id integer primary key, v text)",
                                        "insert into nt values (1, 'fine'), (2, 'a' || char(0) || 'b')"))),
                fails(
                        "a newline in a name stays one line (escaped)",
                        3,
                        "table \"na\\nme\", row 1, column \"v\": text contains a NUL character",
                        work -> sqliteToPostgres(
                                work,
                                sqlite(
                                        work.resolve("app.db"),
                                        "create table \"na\nme\" (id integer primary key, v text)",
                                        "insert into \"na\nme\" values (1, 'a' || char(0))"))),
                fails(
                        "a table already in the PostgreSQL target",
                        3,
                        "target schema \"public\" already has table \"tags\"; use --data-only",
                        work -> {
                            Prepared p = importPostgres(work, goodStaging);
                            execute(
                                    p.database(),
                                    "create table tags (id int primary key, label text)",
                                    "insert into tags values (42, 'theirs')");
                            return p;
                        }),

                // PostgreSQL sources -> export-postgres (no staging directory may appear)
                fails(
                        "connection refused (closed port)",
                        4,
                        "cannot connect to PostgreSQL at localhost:" + closedPort() + "/app: connection refused",
                        work -> exportTo(
                                work,
                                "export-postgres",
                                "--from",
                                "postgresql://someone:" + PASSWORD + "@localhost:" + closedPort() + "/app")),
                fails(
                        "wrong password",
                        4,
                        "password authentication failed for user \"" + PW_USER + "\"",
                        work -> exportTo(work, "export-postgres", "--from", url(PW_USER, "Wrong-" + PASSWORD))),
                fails(
                        "no password for a role that needs one",
                        4,
                        "no password was provided",
                        work -> exportTo(work, "export-postgres", "--from", url(PW_USER, null))),
                fails(
                        "unknown database",
                        4,
                        "database \"no_such_db\" does not exist",
                        work -> exportTo(work, "export-postgres", "--from", Urls.of(db, "no_such_db"))),
                fails(
                        "missing privileges (no SELECT on a table)",
                        4,
                        "permission denied for table notes",
                        work -> exportTo(work, "export-postgres", "--from", url(NOPRIV_USER, null))),
                fails(
                        "unknown user email",
                        3,
                        "user not found: nobody@example.com",
                        work -> exportTo(
                                work, "export-postgres", "--from", Urls.of(db), "--user-email", "nobody@example.com")),
                fails(
                        "an email that matches two users",
                        3,
                        "email twin@example.com matches 2 users",
                        work -> exportTo(
                                work,
                                "export-postgres",
                                "--from",
                                Urls.of(db, dupEmailDb),
                                "--user-email",
                                "twin@example.com")),
                succeeds(
                        "a user with no data",
                        work -> exportTo(
                                work, "export-postgres", "--from", Urls.of(db), "--user-email", "carol@example.com"),
                        (work, run) -> {
                            assertThat(Files.readString(work.resolve("export/users.json")))
                                    .contains("carol@example.com")
                                    .doesNotContain("alice@example.com");
                            assertThat(entry(manifest(work.resolve("export")), "notes")
                                            .get("rows")
                                            .asLong())
                                    .isZero();
                        }),
                succeeds(
                        "an empty PostgreSQL database",
                        work -> exportTo(work, "export-postgres", "--from", Urls.of(db, emptyDb)),
                        (work, run) -> assertThat(
                                        manifest(work.resolve("export")).get("tables"))
                                .isEmpty()),
                fails(
                        "an unknown sslmode",
                        3,
                        "sslmode \"bogus\" from --from is not one of disable, allow, prefer,",
                        work -> exportTo(work, "export-postgres", "--from", Urls.of(db) + "?sslmode=bogus")),
                fails(
                        "a port that is not a number",
                        3,
                        "invalid port in the URL in --from",
                        work -> exportTo(work, "export-postgres", "--from", "postgresql://u@localhost:54x/app")),
                fails("a failed export keeps the previous export", 3, "user not found: nobody@example.com", work -> {
                    Path export = StagingEdits.copy(goodStaging, work.resolve("export"));
                    return new Prepared(
                            args(
                                    "export-postgres",
                                    "--from",
                                    Urls.of(db),
                                    "--export-dir",
                                    export.toString(),
                                    "--user-email",
                                    "nobody@example.com"),
                            Map.of(),
                            () -> Fingerprints.tree(export));
                }),

                // PostgreSQL targets -> import-postgres
                fails(
                        "import-postgres: a table file changed after export",
                        3,
                        "notes.json, table \"notes\": SHA-256 mismatch",
                        work -> {
                            Path staging = StagingEdits.copy(goodStaging, work.resolve("export"));
                            Files.writeString(
                                    staging.resolve("notes.json"),
                                    Files.readString(staging.resolve("notes.json"))
                                            .replace("first", "frist"));
                            return importPostgres(work, staging);
                        }),
                fails("import-postgres: connection refused", 4, "connection refused", work -> {
                    Prepared p = importPostgres(work, goodStaging);
                    return new Prepared(
                            args(
                                    "import-postgres",
                                    "--export-dir",
                                    goodStaging.toString(),
                                    "--to",
                                    "postgresql://someone@localhost:" + closedPort() + "/app",
                                    "--no-backup"),
                            Map.of(),
                            p.target());
                }),

                // validate
                fails(
                        "validate: a SQLite file that does not exist (and is not created)",
                        3,
                        "absent.db: SQLite file does not exist",
                        work -> sqliteTarget(
                                work.resolve("absent.db"),
                                "validate",
                                "--from",
                                Urls.of(db),
                                "--to",
                                work.resolve("absent.db").toString(),
                                "--report",
                                work.resolve("r.json").toString())),
                succeeds(
                        "validate: a role without SELECT on a sequence (that check is skipped, with a warning)",
                        BadInputCatalogueTest::validateWithoutSequencePrivilege,
                        (work, run) -> {
                            String warning = "sequence \"counters_id_seq\" of column \"id\" not checked:"
                                    + " this role lacks SELECT (or USAGE) on it";
                            assertThat(run.run().out() + run.run().err()).contains(warning);
                            assertThat(Files.readString(work.resolve("r.json")))
                                    .contains(
                                            "counters_id_seq", "not checked: this role lacks SELECT (or USAGE) on it");
                        }),

                // command-line misuse
                fails(
                        "unknown option",
                        2,
                        "Unknown option: '--bogus'",
                        work -> exportTo(work, "export-postgres", "--bogus")),
                fails(
                        "an option without its value",
                        2,
                        "Missing required parameter for option '--from'",
                        work -> new Prepared(
                                args("export-postgres", "--from"), Map.of(), () -> Fingerprints.tree(work))),
                fails(
                        "no target (import-sqlite without --to or sqlite_path)",
                        2,
                        "no SQLite file: give --to FILE",
                        work -> new Prepared(
                                args("import-sqlite", "--export-dir", goodStaging.toString()),
                                Map.of(),
                                () -> Fingerprints.tree(work))),
                fails(
                        "the same SQLite file as source and target",
                        2,
                        "--from and --to name the same database",
                        work -> {
                            Path target = copyOfGoodTarget(work);
                            return sqliteTarget(
                                    target,
                                    "--from",
                                    target.toString(),
                                    "--to",
                                    work.resolve(".").resolve("app.db").toString(),
                                    "--export-dir",
                                    work.resolve("export").toString());
                        }),
                fails(
                        "the same PostgreSQL database as source and target",
                        2,
                        "--from and --to name the same database",
                        work -> new Prepared(
                                args(
                                        "--from",
                                        Urls.of(db),
                                        "--to",
                                        Urls.of(db),
                                        "--export-dir",
                                        work.resolve("export").toString()),
                                Map.of(),
                                () -> Fingerprints.postgres(server(), db.name()))),
                fails("two SQLite files", 2, "--from and --to are both SQLite", work -> {
                    Path target = copyOfGoodTarget(work);
                    return sqliteTarget(
                            target,
                            "--from",
                            goodTarget.toString(),
                            "--to",
                            target.toString(),
                            "--export-dir",
                            work.resolve("export").toString());
                }),
                fails("--skip-export without an export", 3, "staging directory does not exist", work -> {
                    Path target = copyOfGoodTarget(work);
                    return sqliteTarget(
                            target,
                            "--skip-export",
                            "--from",
                            Urls.of(db),
                            "--to",
                            target.toString(),
                            "--export-dir",
                            work.resolve("no-export").toString());
                }),
                fails("--skip-export --skip-import without an export", 3, "staging directory does not exist", work -> {
                    Path target = copyOfGoodTarget(work);
                    return sqliteTarget(
                            target,
                            "--skip-export",
                            "--skip-import",
                            "--from",
                            Urls.of(db),
                            "--to",
                            target.toString(),
                            "--export-dir",
                            work.resolve("no-export").toString());
                }),
                fails(
                        "--skip-export --skip-import without a target",
                        3,
                        "absent.db: SQLite file does not exist",
                        work -> sqliteTarget(
                                work.resolve("absent.db"),
                                "--skip-export",
                                "--skip-import",
                                "--from",
                                Urls.of(db),
                                "--to",
                                work.resolve("absent.db").toString(),
                                "--export-dir",
                                goodStaging.toString())),
                fails("--data-only with --drop-existing", 2, "mutually exclusive", work -> {
                    Prepared p = importPostgres(work, goodStaging);
                    return new Prepared(concat(p.args(), "--data-only", "--drop-existing"), Map.of(), p.target());
                }),
                fails(
                        "import-sqlite --to a PostgreSQL URL",
                        2,
                        "--to must be a SQLite file",
                        work -> new Prepared(
                                args("import-sqlite", "--export-dir", goodStaging.toString(), "--to", Urls.of(db)),
                                Map.of(),
                                () -> Fingerprints.postgres(server(), db.name()))),
                fails("a config file with an unknown key", 3, "unknown key \"sqlite_file\"", work -> {
                    Path config = Files.writeString(work.resolve("migrate.properties"), "sqlite_file=app.db\n");
                    Path target = copyOfGoodTarget(work);
                    return sqliteTarget(
                            target,
                            "import-sqlite",
                            "--config",
                            config.toString(),
                            "--export-dir",
                            goodStaging.toString());
                }),
                fails("a config file holding a password that others can read", 3, "chmod 600", work -> {
                    Path config = Files.writeString(
                            work.resolve("migrate.properties"), "from=postgresql://u:" + PASSWORD + "@localhost/app\n");
                    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
                    return exportTo(work, "export-postgres", "--config", config.toString());
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void catalogue(Case c) throws Exception {
        check(c, work);
    }

    /** Rows that fail today; each names the bug. Kept as tests so the fix is proven when it lands. */
    static Stream<Case> importPostgresExitCodes() {
        return Stream.of(
                fails(
                        "import-postgres: wrong password",
                        4,
                        "password authentication failed for user \"" + PW_USER + "\"",
                        work -> {
                            Prepared p = importPostgres(work, goodStaging);
                            return new Prepared(
                                    args(
                                            "import-postgres",
                                            "--export-dir",
                                            goodStaging.toString(),
                                            "--to",
                                            url(PW_USER, "Wrong-" + PASSWORD).replace(db.name(), p.database()),
                                            "--no-backup"),
                                    Map.of(),
                                    p.target());
                        }),
                fails(
                        "import-postgres: unknown database",
                        4,
                        "database \"no_such_db\" does not exist",
                        work -> new Prepared(
                                args(
                                        "import-postgres",
                                        "--export-dir",
                                        goodStaging.toString(),
                                        "--to",
                                        Urls.of(db, "no_such_db"),
                                        "--no-backup"),
                                Map.of(),
                                () -> "none")),
                fails(
                        "import-postgres: no CREATE privilege on the schema",
                        4,
                        "permission denied for schema public",
                        work -> {
                            Prepared p = importPostgres(work, goodStaging);
                            return new Prepared(
                                    args(
                                            "import-postgres",
                                            "--export-dir",
                                            goodStaging.toString(),
                                            "--to",
                                            url(NOPRIV_USER, null).replace(db.name(), p.database()),
                                            "--no-backup"),
                                    Map.of(),
                                    p.target());
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("importPostgresExitCodes")
    void importPostgresConnectionFailuresHaveTheSameExitCodeAsTheOtherCommands(Case c) throws Exception {
        check(c, work);
    }

    // ---- running one row ----

    static void check(Case c, Path work) throws Exception {
        Prepared p = c.scenario().prepare(work);
        try {
            String before = p.target().fingerprint();
            Run run = Run.in(p.env(), work, p.args().toArray(String[]::new));
            if (c.code() == ExitCodes.SUCCESS) {
                assertThat(run.code()).as(run.describe()).isZero();
                c.check().verify(work, new Outcome(run, p));
            } else {
                run.assertOneLineError(c.code(), c.fragment());
                assertThat(p.target().fingerprint())
                        .as("the target changed\n" + run.describe())
                        .isEqualTo(before);
            }
            assertThat(run.out() + run.err()).as("the password leaked").doesNotContain(PASSWORD);
            record(c, run, work);
        } finally {
            for (AutoCloseable r : p.resources()) {
                r.close();
            }
        }
    }

    /**
     * With {@code -Dmigrate.reliability.catalogue=FILE}, appends the row as it really ran (name,
     * exit code, the error line with the temporary directory shown as {@code DIR}) as a Markdown
     * table row: how docs/reliability.md's catalogue is refreshed.
     */
    static void record(Case c, Run run, Path work) throws java.io.IOException {
        String file = System.getProperty("migrate.reliability.catalogue");
        if (file == null) {
            return;
        }
        String message = run.code() == 0 ? "(succeeds)" : run.lastErrLine();
        message = message.replace(work.toString(), "DIR")
                .replace(shared.toString(), "DIR")
                .replaceAll("localhost:\\d+", "localhost:PORT")
                .replaceAll("_\\d+_\\d+", "_N")
                .replace("|", "\\|");
        Files.writeString(
                Path.of(file),
                "| " + c.name().replace("|", "\\|") + " | `" + message + "` | " + run.code() + " |\n",
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** One row of the catalogue. */
    record Case(String name, Scenario scenario, int code, String fragment, Check check) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Builds the row's input in its own directory; returns the command to run and what to watch. */
    @FunctionalInterface
    interface Scenario {
        Prepared prepare(Path work) throws Exception;
    }

    /** What a successful row's result must hold. */
    @FunctionalInterface
    interface Check {
        void verify(Path work, Outcome outcome) throws Exception;
    }

    /** A target's picture before and after. */
    @FunctionalInterface
    interface Target {
        String fingerprint() throws Exception;
    }

    record Outcome(Run run, Prepared prepared) {}

    /**
     * The command of one row.
     *
     * @param database the PostgreSQL target database, when there is one
     * @param resources closed after the run (a held lock, a mount)
     */
    record Prepared(
            List<String> args, Map<String, String> env, Target target, String database, List<AutoCloseable> resources) {

        Prepared(List<String> args, Map<String, String> env, Target target) {
            this(args, env, target, null, List.of());
        }

        Prepared withResource(AutoCloseable r) {
            List<AutoCloseable> all = new ArrayList<>(resources);
            all.add(r);
            return new Prepared(args, env, target, database, all);
        }

        Prepared alsoWatching(Target other) {
            Target mine = target;
            return new Prepared(
                    args, env, () -> mine.fingerprint() + "\n--\n" + other.fingerprint(), database, resources);
        }
    }

    static Case fails(String name, int code, String fragment, Scenario scenario) {
        return new Case(name, scenario, code, fragment, null);
    }

    static Case succeeds(String name, Scenario scenario, Check check) {
        return new Case(name, scenario, ExitCodes.SUCCESS, null, check);
    }

    // ---- scenarios ----

    /** A damaged copy of the good staging directory imported over a copy of a good SQLite target. */
    static Scenario importSqlite(StagingEdit edit) {
        return work -> {
            Path staging = StagingEdits.copy(goodStaging, work.resolve("export"));
            edit.apply(staging);
            return importSqliteFrom(work, staging);
        };
    }

    @FunctionalInterface
    interface StagingEdit {
        void apply(Path staging) throws Exception;
    }

    static Prepared importSqliteFrom(Path work, Path staging) throws Exception {
        Path target = copyOfGoodTarget(work);
        return sqliteTarget(
                target,
                "import-sqlite",
                "--export-dir",
                staging.toString(),
                "--to",
                target.toString(),
                "--backup-dir",
                work.resolve("backups").toString());
    }

    /** Watches a SQLite target: its bytes, and the names beside it (no temporary file may be left). */
    static Prepared sqliteTarget(Path target, String... args) {
        Path dir = target.toAbsolutePath().getParent();
        return new Prepared(List.of(args), Map.of(), () -> Fingerprints.file(target) + " " + siblings(dir));
    }

    static String siblings(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return "[no directory]";
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("backups"))
                    .sorted()
                    .toList()
                    .toString();
        }
    }

    static Path copyOfGoodTarget(Path work) throws Exception {
        return Files.copy(goodTarget, work.resolve("app.db"));
    }

    /** An export into {@code work/export}, which must not appear when the export fails. */
    static Prepared exportTo(Path work, String... args) {
        Path export = work.resolve("export");
        return new Prepared(
                concat(List.of(args), "--export-dir", export.toString()), Map.of(), () -> Fingerprints.tree(export));
    }

    /** A fresh PostgreSQL database with a table of its own, and an import of {@code staging} into it. */
    static Prepared importPostgres(Path work, Path staging) throws Exception {
        String target = db.createDatabase("rel_cat_target");
        execute(target, "create table theirs (id int primary key, v text)", "insert into theirs values (1, 'keep me')");
        return new Prepared(
                args(
                        "import-postgres",
                        "--export-dir",
                        staging.toString(),
                        "--to",
                        Urls.of(db, target),
                        "--backup-dir",
                        work.resolve("backups").toString()),
                Map.of(),
                () -> Fingerprints.postgres(server(), target),
                target,
                List.of());
    }

    /**
     * A database with an identity column, exported and imported into SQLite as the superuser, then
     * validated by a role that may read the table but not its sequence.
     */
    static Prepared validateWithoutSequencePrivilege(Path work) throws Exception {
        String source = db.createDatabase("rel_cat_seq");
        execute(
                source,
                "create table counters (id int generated by default as identity primary key, v text)",
                "insert into counters (v) values ('one'), ('two')",
                "grant select on counters to " + NOPRIV_USER);
        Path export = work.resolve("export");
        Run exported = Run.in(
                Map.of(), work, "export-postgres", "--from", Urls.of(db, source), "--export-dir", export.toString());
        assertThat(exported.code()).as(exported.describe()).isZero();
        Path target = work.resolve("app.db");
        Run imported =
                Run.in(Map.of(), work, "import-sqlite", "--export-dir", export.toString(), "--to", target.toString());
        assertThat(imported.code()).as(imported.describe()).isZero();
        return sqliteTarget(
                target,
                "validate",
                "--from",
                url(NOPRIV_USER, null).replace(db.name(), source),
                "--to",
                target.toString(),
                "--export-dir",
                export.toString(),
                "--report",
                work.resolve("r.json").toString());
    }

    /** export-sqlite of a SQLite source (must succeed), then import-postgres of that export. */
    static Prepared sqliteToPostgres(Path work, Path source) throws Exception {
        Path export = work.resolve("export");
        Run exported =
                Run.in(Map.of(), work, "export-sqlite", "--from", source.toString(), "--export-dir", export.toString());
        assertThat(exported.code()).as(exported.describe()).isZero();
        return importPostgres(work, export);
    }

    static Prepared readOnlyDirectory(Path work) throws Exception {
        // Root ignores permission bits, so a read-only file system stands in for a read-only directory.
        Path ro = Files.createDirectories(work.resolve("ro"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", ro.toString())
                .redirectErrorStream(true)
                .start();
        boolean mounted = mount.waitFor(20, TimeUnit.SECONDS) && mount.exitValue() == 0;
        if (!mounted) {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
            Assumptions.assumeFalse(
                    "root".equals(System.getProperty("user.name")), "needs mount (as root) or a non-root user");
        }
        Path target = ro.resolve("app.db");
        Prepared p = sqliteTarget(
                target, "import-sqlite", "--export-dir", goodStaging.toString(), "--to", target.toString());
        return mounted
                ? p.withResource(() ->
                        new ProcessBuilder("umount", ro.toString()).start().waitFor())
                : p;
    }

    static Prepared lockedTarget(Path work) throws Exception {
        Path target = copyOfGoodTarget(work);
        Connection holder = DriverManager.getConnection("jdbc:sqlite:" + target);
        try (Statement s = holder.createStatement()) {
            s.execute("pragma locking_mode = exclusive");
            s.execute("begin exclusive");
        }
        return sqliteTarget(
                        target,
                        "import-sqlite",
                        "--export-dir",
                        goodStaging.toString(),
                        "--to",
                        target.toString(),
                        "--backup-dir",
                        work.resolve("backups").toString())
                .withResource(holder);
    }

    // ---- fixture ----

    @BeforeAll
    static void fixture() throws Exception {
        execute(
                db.name(),
                "create table users (id bigint primary key, email text not null unique, name text)",
                "create table notes (id bigint primary key, user_id bigint not null references users(id)"
                        + " on delete cascade, body text, created timestamptz)",
                "create table tags (id int primary key, label text)",
                "create table empty_table (id int primary key, v text)",
                "insert into users values (1, 'alice@example.com', 'Alice'), (2, 'bob@example.com', 'Bob'),"
                        + " (3, 'carol@example.com', 'Carol')",
                "insert into notes values (1, 1, 'first note', '2024-01-02 03:04:05+00'),"
                        + " (2, 1, 'second note', null), (3, 2, 'bob''s note', '2024-02-03 04:05:06+00')",
                "insert into tags values (1, 'red'), (2, 'blue')");
        dupEmailDb = db.createDatabase("rel_cat_dup");
        execute(
                dupEmailDb,
                "create table users (id int primary key, email text)",
                "insert into users values (1, 'twin@example.com'), (2, 'twin@example.com')");
        emptyDb = db.createDatabase("rel_cat_empty");

        goodStaging = shared.resolve("good-export");
        Run export = Run.of("export-postgres", "--from", Urls.of(db), "--export-dir", goodStaging.toString());
        assertThat(export.code()).as(export.describe()).isZero();
        goodTarget = shared.resolve("good.db");
        Run imported = Run.of("import-sqlite", "--export-dir", goodStaging.toString(), "--to", goodTarget.toString());
        assertThat(imported.code()).as(imported.describe()).isZero();

        roles = PasswordRoles.open(server());
        if (roles != null) {
            roles.role(PW_USER, PASSWORD);
        }
        try (Connection c = server().connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("create role " + NOPRIV_USER + " login");
        }
        execute(
                db.name(),
                "grant select on users, tags, empty_table to " + NOPRIV_USER,
                "grant select on all tables in schema public to " + PW_USER);
    }

    @AfterAll
    static void restoreHba() throws Exception {
        if (roles != null) {
            roles.close();
        }
    }

    // ---- helpers ----

    static PostgresServer server() {
        return db.server();
    }

    /** {@code postgresql://user[:password]@host:port/db} for this class's database. */
    static String url(String user, String password) {
        Assumptions.assumeTrue(roles != null, "needs an editable pg_hba.conf (the embedded server)");
        return "postgresql://" + user + (password == null ? "" : ":" + password) + "@" + server().host() + ":"
                + server().port() + "/" + db.name();
    }

    static int closedPort() {
        return CLOSED_PORT;
    }

    /** A port nothing listens on: bound once, then closed. */
    private static final int CLOSED_PORT = freePort();

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            return 1;
        }
    }

    static void execute(String database, String... sql) throws Exception {
        try (Connection c = server().connect(database);
                Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    static String pgValue(Outcome o, String sql) throws Exception {
        try (Connection c = server().connect(o.prepared().database());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    static Path sqlite(Path file, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
        return file;
    }

    static String sqliteValue(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    static JsonNode manifest(Path staging) throws Exception {
        return new ObjectMapper().readTree(staging.resolve("manifest.json").toFile());
    }

    static ObjectNode entry(JsonNode manifest, String table) {
        for (JsonNode t : manifest.get("tables")) {
            if (t.get("table").asText().equals(table)) {
                return (ObjectNode) t;
            }
        }
        throw new IllegalArgumentException("no table " + table);
    }

    static List<String> args(String... args) {
        return List.of(args);
    }

    static List<String> concat(List<String> a, String... b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(b));
        return all;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
