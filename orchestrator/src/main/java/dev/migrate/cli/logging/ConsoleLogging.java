package dev.migrate.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The command line's logging, set up in code: the console shows our INFO lines (DEBUG with {@code
 * --verbose}) through {@link ConsoleSinkAppender}, each message and trace redacted ({@code %rmsg},
 * {@code %rex}), library loggers at WARN (INFO with {@code --verbose}), and the PostgreSQL
 * driver's loggers OFF (WARN with {@code --log-file}, INFO with {@code --verbose}). pgjdbc logs
 * through java.util.logging: the {@link LevelChangePropagator} copies these levels there, so a
 * disabled driver line costs one level check and is never formatted.
 *
 * <p>Logback finds this class through {@code META-INF/services} and asks it before it looks for
 * a {@code logback.xml} (see {@link #configure}). Why in code: reading an XML configuration (Joran, an XML parser, reflection on
 * every element) took 150-220 ms of every start of the command, on a machine where the whole
 * JVM start is ~0.4 s; building the same objects directly takes a few milliseconds.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    /**
     * What logback calls first in a JVM: the plain run's settings, until the options are known.
     * A configuration the JVM names ({@code -Dlogback.configurationFile}) or that the class path
     * holds ({@code logback-test.xml}, {@code logback.xml}: tests, an application embedding the
     * steps) is left to logback's own configurator, as before; {@link LoggingSetup} replaces it
     * with this one when the command line runs.
     */
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = ConsoleLogging.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, false, false);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Sets up a freshly reset {@code context}: the console for {@code verbose} or not, and the
     * levels for a run with or without a log file (whose appender {@link LoggingSetup} adds).
     */
    static void apply(LoggerContext context, boolean verbose, boolean logFile) {
        // First, so that every level set below reaches java.util.logging too.
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        context.addListener(propagator);
        propagator.start();
        context.putProperty(LoggingSetup.TRACES_PROPERTY, Boolean.toString(verbose));

        // For every pattern of the context: this console's and the log file's.
        Map<String, Supplier<DynamicConverter<?>>> rules = new HashMap<>();
        rules.put("rmsg", RedactedMessageConverter::new);
        rules.put("rex", RedactedThrowableConverter::new);
        rules.put("lvl", LevelPrefixConverter::new);
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);

        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        // Short and human: no timestamps, no logger names; traces only with --verbose.
        layout.setPattern("%lvl%rmsg%n%rex{verboseOnly}");
        layout.start();

        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setContext(context);
        threshold.setLevel(verbose ? "DEBUG" : "INFO");
        threshold.start();
        // The driver's lines only with --verbose: its failures reach the console as our one error line.
        DriverConsoleFilter driver = new DriverConsoleFilter();
        driver.setContext(context);
        driver.setShown(verbose);
        driver.start();

        ConsoleSinkAppender console = new ConsoleSinkAppender();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setLayout(layout);
        console.addFilter(threshold);
        console.addFilter(driver);
        console.start();

        // The embedded server of `migrate demo` narrates its start-up at INFO.
        context.getLogger("io.zonky").setLevel(Level.WARN);
        context.getLogger("dev.migrate").setLevel(verbose || logFile ? Level.DEBUG : Level.INFO);
        // The driver's lines: none at all on a plain run (cheapest), warnings for the log file.
        context.getLogger("org.postgresql").setLevel(verbose ? Level.INFO : logFile ? Level.WARN : Level.OFF);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.INFO : Level.WARN);
        root.addAppender(console);
    }
}
