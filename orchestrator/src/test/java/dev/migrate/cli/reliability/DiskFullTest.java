package dev.migrate.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file system that fills up: a 2 MB tmpfs (needs root to mount; skipped otherwise) receives an
 * export of about 6 MB, and an import-sqlite whose new database does not fit. One clear line, no
 * manifest for the partial export, the SQLite target byte-identical and no temporary file left.
 */
class DiskFullTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path work;

    Path small;
    boolean mounted;

    @BeforeEach
    void mountASmallFileSystem() throws Exception {
        small = Files.createDirectories(work.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", small.toString())
                .redirectErrorStream(true)
                .start();
        mounted = mount.waitFor(20, TimeUnit.SECONDS) && mount.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "needs permission to mount a tmpfs (root)");
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("create table if not exists filler (id int primary key, v text)");
            s.execute("insert into filler select g, repeat(md5(g::text), 4) from generate_series(1, 40000) g"
                    + " on conflict do nothing");
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", small.toString()).start().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFullDiskDuringExportIsOneLineAndLeavesNoManifest() throws Exception {
        Path export = small.resolve("export");

        Run run = Run.in(Map.of(), work, "export-postgres", "--from", Urls.of(db), "--export-dir", export.toString());

        run.assertOneLineError(4, "disk full");
        assertThat(export.resolve("manifest.json")).doesNotExist();
        assertThat(Fingerprints.tree(export))
                .as("the partial export is removed")
                .isEqualTo("absent");
    }

    @Test
    void aFullDiskDuringImportSqliteLeavesTheTargetByteIdentical() throws Exception {
        Path export = work.resolve("export");
        Run exported =
                Run.in(Map.of(), work, "export-postgres", "--from", Urls.of(db), "--export-dir", export.toString());
        assertThat(exported.code()).as(exported.describe()).isZero();
        Path target = small.resolve("app.db");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + target);
                Statement s = c.createStatement()) {
            s.execute("create table mine (id integer primary key, v text)");
            s.execute("insert into mine values (1, 'keep me')");
        }
        String before = Fingerprints.file(target);

        Run run = Run.in(
                Map.of(),
                work,
                "import-sqlite",
                "--export-dir",
                export.toString(),
                "--to",
                target.toString(),
                "--no-backup");

        run.assertOneLineError(4, "app.db");
        assertThat(Fingerprints.file(target)).isEqualTo(before);
        assertThat(KillAndDisconnectTest.names(small)).containsExactly("app.db");
    }
}
