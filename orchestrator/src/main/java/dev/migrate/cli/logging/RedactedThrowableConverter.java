package dev.migrate.cli.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.migrate.core.config.Redactor;

/**
 * {@code %rex}: a logged exception's stack trace, redacted. With the option {@code verboseOnly}
 * ({@code %rex{verboseOnly}}) the trace is printed only when the context property {@value
 * LoggingSetup#TRACES_PROPERTY} is true (that is, with {@code --verbose}); otherwise only its
 * one-line message, so users never see a stack trace they did not ask for.
 */
public final class RedactedThrowableConverter extends ThrowableProxyConverter {

    private boolean verboseOnly;

    @Override
    public void start() {
        verboseOnly = getOptionList() != null && getOptionList().contains("verboseOnly");
        if (verboseOnly) {
            // The base class reads its first option as a depth; ours is a flag, not a depth.
            setOptionList(null);
        }
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy proxy = event.getThrowableProxy();
        if (proxy == null) {
            return "";
        }
        if (verboseOnly && !Boolean.parseBoolean(getContext().getProperty(LoggingSetup.TRACES_PROPERTY))) {
            return "  (" + Redactor.redact(proxy.getClassName() + ": " + proxy.getMessage())
                    + "; --verbose shows the stack trace)" + System.lineSeparator();
        }
        return super.convert(event);
    }

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return Redactor.redact(super.throwableProxyToString(proxy));
    }
}
