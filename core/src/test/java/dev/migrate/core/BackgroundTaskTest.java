package dev.migrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {

    @Test
    void runsBesideTheCallerOnANamedDaemonThread() throws Exception {
        String[] seen = new String[1];
        boolean[] daemon = new boolean[1];
        try (BackgroundTask t = BackgroundTask.start("check-thread", () -> {
            seen[0] = Thread.currentThread().getName();
            daemon[0] = Thread.currentThread().isDaemon();
            return null;
        })) {
            t.await(RuntimeException.class);
        }
        assertThat(seen[0]).isEqualTo("check-thread");
        assertThat(daemon[0]).isTrue();
    }

    @Test
    void whatStoppedTheWorkReachesTheCallerUnchanged() {
        MigrateException failure = MigrateException.runtime("the new database failed a check", null);
        try (BackgroundTask t = BackgroundTask.start("a", () -> {
            throw failure;
        })) {
            assertThatThrownBy(() -> t.await(RuntimeException.class)).isSameAs(failure);
        }
        SQLException sql = new SQLException("disk I/O error");
        try (BackgroundTask t = BackgroundTask.start("b", () -> {
            throw sql;
        })) {
            assertThatThrownBy(() -> t.await(SQLException.class)).isSameAs(sql);
        }
        IOException other = new IOException("not passed through");
        try (BackgroundTask t = BackgroundTask.start("c", () -> {
            throw other;
        })) {
            assertThatThrownBy(() -> t.await(SQLException.class))
                    .isInstanceOf(IllegalStateException.class)
                    .hasCause(other);
        }
    }

    @Test
    void closeWaitsForTheWorkToEnd() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        BackgroundTask t = BackgroundTask.start("slow", () -> {
            started.countDown();
            Thread.sleep(300);
            finished.set(true);
            throw new IllegalStateException("failed late");
        });
        started.await();
        t.close(); // does not throw: the failure is await's to report
        assertThat(finished).isTrue();
    }
}
