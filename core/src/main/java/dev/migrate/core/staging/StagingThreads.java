package dev.migrate.core.staging;

import java.util.concurrent.BlockingQueue;

/**
 * Starting and stopping the one background thread a {@link TableReader} (read-ahead) or a {@link
 * TableWriter} (write-behind) may have, so that both end it the same way.
 */
final class StagingThreads {

    /** How long a stop waits for the thread to notice the interrupt. */
    private static final long STOP_WAIT_MILLIS = 10_000;

    private StagingThreads() {}

    /** A daemon thread, started: an abandoned reader or writer must never keep the JVM alive. */
    static Thread start(Runnable work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Stops {@code t} (null: nothing to stop) and drops what was queued for or by it: the queue is
     * emptied so that a thread blocked on a full queue can move and see the interrupt, then again
     * after it ended.
     */
    static void stop(Thread t, BlockingQueue<?> queue) {
        if (t == null) {
            return;
        }
        queue.clear();
        t.interrupt();
        try {
            t.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.clear();
    }
}
