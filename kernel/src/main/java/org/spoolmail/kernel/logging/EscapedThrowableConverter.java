package org.spoolmail.kernel.logging;

import java.util.Arrays;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

import org.spoolmail.kernel.text.DisplayText;

/**
 * {@code %eex}: the stack trace as logback writes it, with the message of each exception (and of each cause and
 * suppressed one) escaped by {@link DisplayText#escape}: an exception message quoting input (a CR LF, an ESC
 * sequence) can neither drive the terminal nor add a line of its own to the log.
 */
public final class EscapedThrowableConverter extends ThrowableProxyConverter {

    /** Creates the converter; the layout calls this. */
    public EscapedThrowableConverter() {
        // for the pattern layout
    }

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return super.throwableProxyToString(new Escaped(proxy));
    }

    /** The exception as logback sees it, its message (and those of its causes) escaped. */
    private record Escaped(IThrowableProxy proxy) implements IThrowableProxy {
        @Override
        public String getMessage() {
            return proxy.getMessage() == null ? null : DisplayText.escape(proxy.getMessage());
        }

        @Override
        public String getClassName() {
            return proxy.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return proxy.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return proxy.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return proxy.getCause() == null ? null : new Escaped(proxy.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = proxy.getSuppressed();
            return suppressed == null ? null
                    : Arrays.stream(suppressed).map(Escaped::new).toArray(IThrowableProxy[]::new);
        }

        @Override
        public boolean isCyclic() {
            return proxy.isCyclic();
        }
    }
}
