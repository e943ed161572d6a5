package dev.migrate.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %lvl}: nothing for INFO (the normal, human-readable case), {@code "warning: "}, {@code
 * "error: "}, {@code "debug: "} otherwise, the way compilers and git label their lines.
 */
public final class LevelPrefixConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        Level level = event.getLevel();
        if (level.isGreaterOrEqual(Level.ERROR)) {
            return "error: ";
        }
        if (level.isGreaterOrEqual(Level.WARN)) {
            return "warning: ";
        }
        if (level.isGreaterOrEqual(Level.INFO)) {
            return "";
        }
        return level.isGreaterOrEqual(Level.DEBUG) ? "debug: " : "trace: ";
    }
}
