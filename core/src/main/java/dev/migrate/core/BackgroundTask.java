package dev.migrate.core;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One piece of work on a daemon thread of its own, beside the caller's: {@link #await} hands back
 * what stopped it unchanged (a {@link MigrateException} keeps its one-line message), and {@link
 * #close} waits for it, so that no check is still reading a file when a failing step removes it.
 *
 * <pre>{@code
 * try (BackgroundTask integrity = BackgroundTask.start("import-sqlite-integrity", () -> check(file))) {
 *     otherCheck();
 *     integrity.await(SQLException.class);
 * }
 * }</pre>
 */
public final class BackgroundTask implements AutoCloseable {

    private final FutureTask<Object> task;

    private BackgroundTask(FutureTask<Object> task) {
        this.task = task;
    }

    /** Starts {@code work} on a new daemon thread (an abandoned task never keeps the JVM alive). */
    public static BackgroundTask start(String threadName, Callable<?> work) {
        FutureTask<Object> task = new FutureTask<>(work::call);
        Thread t = new Thread(task, threadName);
        t.setDaemon(true);
        t.start();
        return new BackgroundTask(task);
    }

    /**
     * Waits for the work to end; rethrows a RuntimeException or Error that ended it as it is, and a
     * checked exception of type {@code passedThrough} too; anything else wrapped.
     */
    public <E extends Exception> void await(Class<E> passedThrough) throws E {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while waiting for " + Thread.currentThread().getName(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            if (passedThrough.isInstance(cause)) {
                throw passedThrough.cast(cause);
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Waits for the work to end, whatever its outcome (which {@link #await} reports). */
    @Override
    public void close() {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // reported by await, or irrelevant when the caller is failing anyway
        }
    }
}
