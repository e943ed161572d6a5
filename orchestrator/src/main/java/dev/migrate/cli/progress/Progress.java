package dev.migrate.cli.progress;

import dev.migrate.cli.logging.LogSink;
import dev.migrate.core.OneLine;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far a step is, one table at a time. On a terminal: a progress bar for each long table
 * (rows done of the expected total when known, rows/s); short tables get none, so the screen does
 * not flicker. Otherwise: an INFO line every few seconds for long tables, so CI logs and pipes
 * stay readable. Steps call it from their own thread only.
 */
public final class Progress implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    /** Plain mode logs a long table's progress at most this often. */
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;

    /** A table known to have at least this many rows gets a bar from its start. */
    private static final long BAR_MIN_ROWS = 50_000;

    /** A table of unknown size gets a bar once it has taken this long. */
    private static final long BAR_AFTER_NANOS = 2_000_000_000L;

    private final PrintStream terminal;
    private ProgressBar bar;
    private String table;
    private String verb;
    private long expected;
    private long started;
    private long lastLog;

    private Progress(PrintStream terminal) {
        this.terminal = terminal;
    }

    /** Bars when the JVM has a console (both ends are a terminal), log lines otherwise. */
    public static Progress forConsole() {
        return System.console() != null ? new Progress(System.err) : plain();
    }

    /** Log lines only (tests, pipes, files). */
    public static Progress plain() {
        return new Progress(null);
    }

    /** A new table starts; {@code expectedRows} is negative when not known in advance. */
    public void tableStarted(String verb, String table, long expectedRows) {
        finishTable();
        this.verb = verb;
        this.table = table;
        this.expected = expectedRows;
        this.started = System.nanoTime();
        this.lastLog = started;
        if (terminal != null && expectedRows >= BAR_MIN_ROWS) {
            showBar();
        }
    }

    /** {@code rows} rows of the current table are done. */
    public void rows(String tableName, long rows) {
        long now = System.nanoTime();
        if (terminal != null) {
            if (bar == null && now - started >= BAR_AFTER_NANOS) {
                showBar();
            }
            if (bar != null) {
                bar.stepTo(rows);
            }
            return;
        }
        if (now - lastLog >= LOG_EVERY_NANOS) {
            lastLog = now;
            LOG.info("{} {}: {} rows so far", verb, OneLine.identifier(tableName), rows);
        }
    }

    private void showBar() {
        bar = new ProgressBarBuilder()
                .setTaskName(label(verb, table))
                .setInitialMax(expected > 0 ? expected : -1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" rows", 1)
                .showSpeed()
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(terminal))
                .clearDisplayOnFinish()
                .build();
        LogSink.clearLineBeforeEachWrite(true);
    }

    /**
     * What a bar shows before its count: the verb and the table's name quoted and escaped, so a
     * name with a line break cannot split the bar's line (it is drawn on the terminal directly,
     * not through the logging's own escaping).
     */
    static String label(String verb, String table) {
        return verb + " " + OneLine.identifier(table);
    }

    /** The current table is done. */
    public void finishTable() {
        if (bar != null) {
            bar.close();
            bar = null;
            LogSink.clearLineBeforeEachWrite(false);
        }
        table = null;
    }

    /** A step of a step ("creating foreign keys"): a log line. */
    public void phase(String description) {
        LOG.info("{}", description);
    }

    /** The table being worked on, or null. */
    public String currentTable() {
        return table;
    }

    @Override
    public void close() {
        finishTable();
    }
}
