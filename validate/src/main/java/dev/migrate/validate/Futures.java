package dev.migrate.validate;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for validate's background work, so that what stopped it reaches the caller unchanged. */
final class Futures {

    private Futures() {}

    /**
     * Waits for {@code f}; a RuntimeException that ended it (a MigrateException with its one-line
     * message) is rethrown as it is, anything else wrapped.
     */
    static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
