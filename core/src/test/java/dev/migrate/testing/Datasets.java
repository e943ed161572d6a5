package dev.migrate.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the sample databases committed under {@code testdata/datasets/} (copies of
 * ../shared/datasets: Chinook, Northwind, Pagila, pgloader's SQLite fixtures) and the
 * repository root, so tests run the same from Maven, an IDE or a clean clone.
 */
public final class Datasets {

    private Datasets() {}

    /** The repository root (the directory holding the parent pom). */
    public static Path repoRoot() {
        String prop = System.getProperty("migrate.repo.root");
        if (prop != null && Files.isDirectory(Path.of(prop, "testdata"))) {
            return Path.of(prop);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("testdata"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (a directory with testdata/)");
        }
        return p;
    }

    /** A file under {@code testdata/datasets/}, e.g. {@code dataset("chinook/Chinook_Sqlite.sqlite")}. */
    public static Path dataset(String relative) {
        Path p = repoRoot().resolve("testdata/datasets").resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("missing dataset " + p);
        }
        return p;
    }

    /** A file of the schema_design module's resources, e.g. {@code schemaDesign("postgres/sample_data.sql")}. */
    public static Path schemaDesign(String relative) {
        return repoRoot()
                .resolve("schema_design/src/main/resources/schema_design")
                .resolve(relative);
    }
}
