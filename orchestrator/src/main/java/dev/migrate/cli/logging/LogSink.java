package dev.migrate.cli.logging;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Where console log lines go: the running command's error stream. Tests run the CLI in-process
 * with their own writers, so the appender cannot simply hold {@code System.err}.
 */
public final class LogSink {

    private static final PrintWriter SYSTEM_ERR = new PrintWriter(System.err, true, Charset.defaultCharset());

    private static volatile PrintWriter target = SYSTEM_ERR;

    private LogSink() {}

    /** Sends console log lines to {@code writer} until {@link #reset()}. */
    public static void redirect(PrintWriter writer) {
        target = writer == null ? SYSTEM_ERR : writer;
    }

    /** Sends console log lines back to {@code System.err}. */
    public static void reset() {
        target = SYSTEM_ERR;
    }

    static void write(String text) {
        PrintWriter w = target;
        synchronized (w) {
            w.print(text);
            w.flush();
        }
    }
}
