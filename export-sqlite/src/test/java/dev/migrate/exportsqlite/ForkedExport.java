package dev.migrate.exportsqlite;

import java.nio.file.Path;

/**
 * Runs one export in its own JVM (started by {@link HeavyExportTest} with a small heap), prints
 * {@code rows=N maxHeapMb=M} and exits 0, or prints the error and exits 1.
 */
public final class ForkedExport {

    private ForkedExport() {}

    public static void main(String[] args) {
        long started = System.nanoTime();
        try {
            ExportResult r = new SqliteExporter(ExportSqliteOptions.of(Path.of(args[0]), Path.of(args[1]), "heavy"))
                    .run(ProgressListener.NONE);
            System.out.println("rows=" + r.totalRows() + " maxHeapMb="
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " seconds="
                    + (System.nanoTime() - started) / 1_000_000_000L);
            System.exit(0);
        } catch (RuntimeException e) {
            System.out.println("failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
