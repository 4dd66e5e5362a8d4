package org.spoolmail.kernel.logging;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import org.spoolmail.kernel.text.DisplayText;

/**
 * The log line of {@link LogConfigurator#PATTERN}, written directly: {@code HH:mm:ss.SSS LEVEL [mail-id] [stage]
 * logger - message}, the message and any stack trace escaped. logback's {@code PatternLayout} gives the same line,
 * but its class initialiser links some fifty converter constructors as lambdas before the first line: a tenth of
 * a one-message send's start-up CPU (docs/performance.md, start-up), for a layout that never changes.
 */
final class LogLineLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final int LOGGER_LENGTH = 24;
    private static final int LEVEL_WIDTH = 5;

    private final ZoneId zone = ZoneId.systemDefault();
    private final TargetLengthBasedClassNameAbbreviator abbreviator =
            new TargetLengthBasedClassNameAbbreviator(LOGGER_LENGTH);
    private final EscapedThrowableConverter throwable = new EscapedThrowableConverter();

    @Override
    public void start() {
        throwable.setContext(getContext());
        throwable.start();
        super.start();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160);
        TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()).atZone(zone), line);
        String level = event.getLevel().toString();
        line.append(' ').append(level);
        for (int i = level.length(); i < LEVEL_WIDTH; i++) {
            line.append(' ');
        }
        Map<String, String> mdc = event.getMDCPropertyMap();
        line.append(" [").append(mdc.getOrDefault("mail-id", "")).append("] [")
                .append(mdc.getOrDefault("stage", "")).append("] ")
                .append(abbreviator.abbreviate(event.getLoggerName())).append(" - ")
                .append(DisplayText.escape(String.valueOf(event.getFormattedMessage()))).append(CoreConstants.LINE_SEPARATOR)
                .append(throwable.convert(event));
        return line.toString();
    }
}
