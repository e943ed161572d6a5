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

    /** Written before each log line while a progress bar is on screen, to erase the bar's line. */
    private static volatile String lineClearer = "";

    private LogSink() {}

    /** Sends console log lines to {@code writer} until {@link #reset()}. */
    public static void redirect(PrintWriter writer) {
        target = writer == null ? SYSTEM_ERR : writer;
    }

    /** Sends console log lines back to {@code System.err}. */
    public static void reset() {
        target = SYSTEM_ERR;
    }

    /**
     * While a progress bar occupies the terminal's last line, log lines first erase it ({@code
     * "\r" + ESC[K}); the bar redraws itself below them. Empty to turn it off.
     */
    public static void clearLineBeforeEachWrite(boolean on) {
        lineClearer = on ? "\r\u001b[K" : "";
    }

    static void write(String text) {
        PrintWriter w = target;
        synchronized (w) {
            w.print(lineClearer);
            w.print(text);
            w.flush();
        }
    }
}
