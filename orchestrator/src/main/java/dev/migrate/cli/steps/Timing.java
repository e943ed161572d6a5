package dev.migrate.cli.steps;

/** Wall-clock seconds since a {@link System#nanoTime()} reading. */
final class Timing {

    private Timing() {}

    static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
