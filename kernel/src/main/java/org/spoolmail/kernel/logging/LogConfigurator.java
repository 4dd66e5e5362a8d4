package org.spoolmail.kernel.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Configures logback in code (found through {@code META-INF/services}, logback 1.5), which saves the XML parsing
 * of a {@code logback.xml} (about 200 ms of start-up). Results go to stdout and problems to stderr through the
 * CLI itself; the log is for operators and only says what goes wrong, unless asked for more:
 * <ul>
 * <li>one appender, standard error, lines as the logback pattern {@value #PATTERN} writes them (MDC keys
 * {@code mail-id} and {@code stage}; the message and stack trace escaped), by {@link LogLineLayout};</li>
 * <li>root level from {@code SPOOLMAIL_LOG_LEVEL} (a system property, else the environment), default WARN;</li>
 * <li>{@code org.pf4j} level from {@code SPOOLMAIL_PF4J_LOG_LEVEL}, default ERROR.</li>
 * </ul>
 * A level name logback does not know means DEBUG, as it did in {@code logback.xml}. {@code send --trace}
 * ({@code TraceLog}) adds its own appender to the stages' loggers on top of this.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    /** Every log line, as a logback pattern ({@code %emsg}, {@code %eex}: escaped); {@link LogLineLayout} writes it. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%X{mail-id}] [%X{stage}] %logger{24} - %emsg%n%eex";

    /** Creates the configurator; logback calls it once, with its context. */
    public LogConfigurator() {
        // for ServiceLoader
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LogLineLayout layout = new LogLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setCharset(java.nio.charset.StandardCharsets.UTF_8);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger("org.pf4j").setLevel(level("SPOOLMAIL_PF4J_LOG_LEVEL", "ERROR"));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level("SPOOLMAIL_LOG_LEVEL", "WARN"));
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * @param variable the system property or environment variable
     * @param fallback the level when it is not set
     * @return its level (DEBUG for a name logback does not know, as {@code ${variable:-fallback}} in XML gave)
     */
    static Level level(String variable, String fallback) {
        String value = System.getProperty(variable);
        if (value == null) {
            value = System.getenv(variable);
        }
        return Level.toLevel(value == null ? fallback : value);
    }
}
