package dev.migrate.cli.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/** Writes formatted log events to the {@link LogSink}: the running command's error stream. */
public final class ConsoleSinkAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private Layout<ILoggingEvent> layout;

    /** The layout each event is formatted with ({@link ConsoleLogging}). */
    public void setLayout(Layout<ILoggingEvent> layout) {
        this.layout = layout;
    }

    @Override
    public void start() {
        if (layout == null) {
            addError("no layout set for appender " + getName());
            return;
        }
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        LogSink.write(layout.doLayout(event));
    }
}
