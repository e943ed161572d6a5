package dev.migrate.exportpg;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Runs one export in a JVM of its own, so a test can limit its heap ({@code -Xmx256m}):
 * {@code HeavyExportMain <jdbcUrl> <user> <exportDir>}, password in {@code MIGRATE_TEST_PASSWORD}.
 * Prints {@code rows=N seconds=S jvmCpuMs=C maxHeapMb=M} on success.
 */
public final class HeavyExportMain {

    private HeavyExportMain() {}

    public static void main(String[] args) {
        Properties p = new Properties();
        p.setProperty("user", args[1]);
        String password = System.getenv("MIGRATE_TEST_PASSWORD");
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        ExportResult r = new PostgresExporter(ExportPostgresOptions.builder(args[0], p, Path.of(args[2]))
                        .toolVersion("heavy-test")
                        .build())
                .run();
        long cpuMs = ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(java.time.Duration::toMillis)
                .orElse(-1L);
        System.out.println("rows=" + r.totalRows() + " seconds=" + r.seconds() + " jvmCpuMs=" + cpuMs + " maxHeapMb="
                + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}
