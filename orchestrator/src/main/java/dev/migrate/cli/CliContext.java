package dev.migrate.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a run of the command line sees of the outside world besides its arguments: the
 * environment and the working directory. Injected, so tests can run the real CLI with a chosen
 * {@code DATABASE_URL} without touching the JVM's environment.
 *
 * @param env the environment variables
 * @param workingDirectory where relative defaults ({@code ./migrate.properties}) are looked up
 */
public record CliContext(Map<String, String> env, Path workingDirectory) {

    public CliContext {
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    /** The real environment and working directory. */
    public static CliContext system() {
        return new CliContext(System.getenv(), Path.of("").toAbsolutePath());
    }
}
