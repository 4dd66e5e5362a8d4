package org.spoolmail.kernel.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import org.spoolmail.kernel.text.DisplayText;

/**
 * {@code %emsg}: the log message with every control, separator and bidirectional character shown as
 * {@code \\uXXXX} ({@link DisplayText#escape}), since log messages name input files and quote input, and the log
 * goes to the same terminal as the CLI's own lines.
 */
public final class EscapedMessageConverter extends MessageConverter {

    /** Creates the converter; the layout calls this. */
    public EscapedMessageConverter() {
        // for the pattern layout
    }

    @Override
    public String convert(ILoggingEvent event) {
        return DisplayText.escape(super.convert(event));
    }
}
