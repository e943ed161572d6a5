package dev.migrate.cli.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the JDBC driver's own log lines off the console unless {@code --verbose}: pgjdbc logs a
 * refused certificate at SEVERE and then throws, and the exception already becomes the run's one
 * {@code error:} line, so a plain run would otherwise show the same failure two or three times.
 * The lines still reach {@code --log-file} (the logger levels decide that).
 */
public final class DriverConsoleFilter extends Filter<ILoggingEvent> {

    private String prefix = "org.postgresql";
    private boolean shown;

    /** The logger name prefix held back, {@code org.postgresql} by default. */
    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    /** True (with {@code --verbose}) to let the driver's lines through to the console. */
    public void setShown(boolean shown) {
        this.shown = shown;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (!shown && event.getLoggerName().startsWith(prefix)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
