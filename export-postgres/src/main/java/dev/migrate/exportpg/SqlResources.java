package dev.migrate.exportpg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The catalog queries, kept as {@code .sql} files beside this class. */
final class SqlResources {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlResources() {}

    /** The query in {@code name.sql}, without its comment lines (they document the parameters). */
    static String load(String name) {
        return CACHE.computeIfAbsent(name, SqlResources::read);
    }

    private static String read(String name) {
        String file = name + ".sql";
        try (InputStream in = SqlResources.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines()
                    .filter(line -> !line.stripLeading().startsWith("--"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
