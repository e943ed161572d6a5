package dev.migrate.cli.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.migrate.core.OneLine;
import dev.migrate.core.config.Redactor;

/**
 * {@code %rmsg}: the formatted message with URL passwords and registered secrets masked, and on
 * one line: a line break inside it (a table name may hold one) is written as {@code \n}, so no
 * name can split a log line or forge one.
 */
public final class RedactedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return OneLine.escaped(Redactor.redact(super.convert(event)));
    }
}
