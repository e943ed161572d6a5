package dev.migrate.cli.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The planner's catalog queries, kept as {@code .sql} resources beside this class. */
final class CatalogSql {

    private CatalogSql() {}

    static String load(String name) {
        try (InputStream in = CatalogSql.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
