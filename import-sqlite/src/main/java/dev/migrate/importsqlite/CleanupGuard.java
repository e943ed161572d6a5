package dev.migrate.importsqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deletes this import's temporary files when the JVM is stopped (Ctrl-C, SIGTERM) or when the
 * import fails. A {@code kill -9} runs no hook; {@link TargetFiles#removeStaleTemporaries} cleans
 * up after it on the next run.
 */
final class CleanupGuard implements AutoCloseable {

    private static final String[] SIDE_FILES = {"", "-journal", "-wal", "-shm"};

    private final Set<Path> paths = ConcurrentHashMap.newKeySet();
    private final Thread hook = new Thread(this::deleteAll, "import-sqlite-cleanup");

    CleanupGuard() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void add(Path p) {
        paths.add(p);
    }

    /** Stops guarding a file that has been renamed into place. */
    void release(Path p) {
        paths.remove(p);
    }

    /** Deletes every guarded file and its SQLite side files. */
    void deleteAll() {
        for (Path p : paths) {
            delete(p);
        }
        paths.clear();
    }

    static void delete(Path p) {
        for (String suffix : SIDE_FILES) {
            try {
                Files.deleteIfExists(p.resolveSibling(p.getFileName() + suffix));
            } catch (IOException ignored) {
                // Best effort; the next run removes stale temporaries.
            }
        }
    }

    @Override
    public void close() {
        deleteAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or will run; nothing left for it to delete.
        }
    }
}
