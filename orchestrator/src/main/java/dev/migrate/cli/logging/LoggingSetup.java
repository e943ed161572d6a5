package dev.migrate.cli.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import dev.migrate.core.MigrateException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Configures logback for one run of the command line: console at INFO (DEBUG with {@code
 * --verbose}) and, with {@code --log-file}, a detailed log file at DEBUG. Sets the whole
 * configuration again each time ({@link ConsoleLogging}), so in-process runs (tests) do not
 * inherit each other's settings.
 * java.util.logging (the PostgreSQL driver's) is bridged in, so its lines obey the same levels
 * and the same redaction, and reach the console only with {@code --verbose}.
 */
public final class LoggingSetup {

    /** Context property read by {@link RedactedThrowableConverter}: print stack traces? */
    static final String TRACES_PROPERTY = "MIGRATE_TRACES";

    private static final String FILE_PATTERN =
            "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %rmsg%n%rex";

    private static volatile boolean verbose;
    private static volatile Path logFile;

    private LoggingSetup() {}

    /** Whether the current run logs verbosely (stack traces of errors are printed then too). */
    public static boolean verbose() {
        return verbose;
    }

    /**
     * Applies the options unless they are already in effect: the configuration file or the
     * environment ({@code MIGRATE_VERBOSE}, {@code MIGRATE_LOG_FILE}) may ask for more than the
     * flags did, and is known only once a command resolves its settings.
     */
    public static void applyIfChanged(boolean wantVerbose, Path wantLogFile) {
        if (wantVerbose != verbose || !java.util.Objects.equals(wantLogFile, logFile)) {
            apply(wantVerbose, wantLogFile);
        }
    }

    /**
     * Applies the options. Does nothing when SLF4J is bound to something other than logback
     * (an embedding application keeps its own logging).
     */
    public static void apply(boolean verbose, Path logFile) {
        LoggingSetup.verbose = verbose;
        LoggingSetup.logFile = logFile;
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        bridgeJavaUtilLogging();
        context.reset();
        ConsoleLogging.apply(context, verbose, logFile != null);
        if (logFile != null) {
            addFileAppender(context, logFile);
        }
    }

    /**
     * Sends java.util.logging (pgjdbc's logging) to SLF4J instead of JUL's own console handler,
     * which would print unredacted two-line records on stderr. Once per JVM; the levels come
     * from {@link ConsoleLogging} through its {@code LevelChangePropagator}.
     */
    private static synchronized void bridgeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private static void addFileAppender(LoggerContext context, Path logFile) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(FILE_PATTERN);
        encoder.start();

        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(logFile.toAbsolutePath().toString());
        file.setAppend(true);
        file.setEncoder(encoder);
        file.start();
        if (!file.isStarted()) {
            throw MigrateException.input("cannot write the log file " + logFile);
        }
        // Our DEBUG lines reach it: ConsoleLogging set dev.migrate to DEBUG for a run with a log file.
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(file);
    }
}
