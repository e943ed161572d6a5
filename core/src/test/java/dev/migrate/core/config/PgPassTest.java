package dev.migrate.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassTest {

    @TempDir
    Path dir;

    private PgPass write(String content, String permissions) throws Exception {
        Path file = dir.resolve("pgpass");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return PgPass.load(file);
    }

    @Test
    void matchesFieldsWithWildcardsAndFirstMatchWins() throws Exception {
        PgPass p = write("""
                # comment line
                db.example.com:5432:prod:app:first
                db.example.com:5432:prod:app:second
                *:5432:*:report:wild
                *:*:*:*:catch-all
                """, "rw-------");
        assertThat(p.warning()).isEmpty();
        assertThat(p.find("db.example.com", 5432, "prod", "app")).contains("first");
        assertThat(p.find("anything", 5432, "x", "report")).contains("wild");
        assertThat(p.find("anything", 6543, "x", "report")).contains("catch-all");
    }

    @Test
    void honoursBackslashEscapesLikeLibpq() throws Exception {
        PgPass p = write("""
                h\\:x:5432:d:u:pa\\:ss\\\\word:ignored-rest
                h:5432:\\*:u:literal-star
                h:5432:*:u:wildcard
                """, "rw-------");
        assertThat(p.find("h:x", 5432, "d", "u")).contains("pa:ss\\word");
        assertThat(p.find("h", 5432, "*", "u")).contains("literal-star");
        assertThat(p.find("h", 5432, "other", "u")).contains("wildcard");
    }

    @Test
    void skipsMalformedLinesAndCrLf() throws Exception {
        PgPass p = write("too:few:fields\r\nh:5432:d:u:pw\r\n", "rw-------");
        assertThat(p.find("h", 5432, "d", "u")).contains("pw");
        assertThat(p.find("too", 5432, "few", "fields")).isEmpty();
    }

    @Test
    void ignoresAFileOthersCanReadWithAWarning() throws Exception {
        PgPass p = write("*:*:*:*:pw\n", "rw-r--r--");
        assertThat(p.find("h", 5432, "d", "u")).isEmpty();
        assertThat(p.warning())
                .hasValueSatisfying(w -> assertThat(w)
                        .contains("has group or world access and is ignored")
                        .contains("chmod 600"));
        assertThat(write("*:*:*:*:pw\n", "rw-rw----").find("h", 1, "d", "u")).isEmpty();
        assertThat(write("*:*:*:*:pw\n", "r--------").find("h", 1, "d", "u")).contains("pw");
    }

    @Test
    void locationIsPgpassfileElseHome() {
        assertThat(PgPass.location(Map.of("PGPASSFILE", "/x/y", "HOME", "/h"))).isEqualTo(Path.of("/x/y"));
        assertThat(PgPass.location(Map.of("HOME", "/h"))).isEqualTo(Path.of("/h/.pgpass"));
        assertThat(PgPass.load(dir.resolve("absent")).find("h", 1, "d", "u")).isEmpty();
    }
}
