package dev.migrate.cli.reliability;

import dev.migrate.cli.Migrate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The real command line ({@code java dev.migrate.cli.Migrate ...}, what {@code bin/migrate} runs)
 * in a JVM of its own, so it can be killed with SIGKILL or run with a clean process state. Its
 * stdout and stderr go to files in {@code dir}, readable while it runs.
 */
final class ForkedCli {

    private final Process process;
    private final Path out;
    private final Path err;

    private ForkedCli(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code migrate args...} with this test JVM's class path, in {@code dir}. */
    static ForkedCli start(Path dir, Map<String, String> env, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        // Short-lived: skip the optimising compiler and use the smallest collector, to start fast.
        cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Migrate.class.getName());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "forked-", ".out");
        Path err = Files.createTempFile(dir, "forked-", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().putAll(env);
        return new ForkedCli(pb.start(), out, err);
    }

    Process process() {
        return process;
    }

    String out() throws IOException {
        return Files.readString(out);
    }

    String err() throws IOException {
        return Files.readString(err);
    }

    /** Waits until the condition holds; false when the process ended first or the time ran out. */
    boolean await(BooleanSupplier condition, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!process.isAlive()) {
                return condition.getAsBoolean();
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** SIGKILL: no shutdown hook, no finally block runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the exit code, killing the process if it takes longer than {@code seconds}. */
    int waitFor(long seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("forked migrate did not finish in " + seconds + " s; stderr:\n" + err());
        }
        return process.exitValue();
    }

    /** True when stderr has a line containing {@code text} (false on a read error). */
    boolean errContains(String text) {
        try {
            return Files.readString(err).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
