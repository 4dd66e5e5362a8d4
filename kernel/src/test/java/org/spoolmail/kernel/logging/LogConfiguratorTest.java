package org.spoolmail.kernel.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

/** The code configuration gives what logback.xml gave: one stderr appender, the pattern and the two levels. */
class LogConfiguratorTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty("SPOOLMAIL_LOG_LEVEL");
        System.clearProperty("SPOOLMAIL_PF4J_LOG_LEVEL");
    }

    @Test
    void configureShouldWriteToStandardErrorWithThePatternWhenCalled() {
        LoggerContext context = configured();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<?> appender = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDERR"));
        assertEquals("System.err", appender.getTarget());
        LayoutWrappingEncoder<?> encoder = assertInstanceOf(LayoutWrappingEncoder.class, appender.getEncoder());
        assertInstanceOf(LogLineLayout.class, encoder.getLayout());
        assertEquals("%d{HH:mm:ss.SSS} %-5level [%X{mail-id}] [%X{stage}] %logger{24} - %emsg%n%eex",
                LogConfigurator.PATTERN);
    }

    @Test
    void layoutShouldWriteTheLineLogbacksPatternLayoutWritesForThePattern() {
        LoggerContext context = configured();
        Layout<ILoggingEvent> ours = layout(context);
        PatternLayout theirs = new PatternLayout();
        theirs.setContext(context);
        // %msg and %ex: the same line for text without control characters, which is all the escaping changes.
        theirs.setPattern(LogConfigurator.PATTERN.replace("%emsg", "%msg").replace("%eex", "%ex"));
        theirs.start();
        Logger logger = context.getLogger("org.spoolmail.kernel.pipeline.StageCall");
        LoggingEvent plain = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, "stage {} failed", null,
                new Object[] {"deliver"});
        plain.setTimeStamp(1_733_307_723_045L);
        plain.setMDCPropertyMap(java.util.Map.of("mail-id", "20261204T101500-abc123-0001", "stage", "deliver"));
        LoggingEvent thrown = new LoggingEvent(Logger.class.getName(), context.getLogger("x"), Level.ERROR,
                "no mdc", new IllegalStateException("why"), null);
        thrown.setMDCPropertyMap(java.util.Map.of());

        assertEquals(theirs.doLayout(plain), ours.doLayout(plain));
        assertTrue(ours.doLayout(plain).endsWith(" WARN  [20261204T101500-abc123-0001] [deliver]"
                + " o.s.k.pipeline.StageCall - stage deliver failed\n"), ours.doLayout(plain));
        assertEquals(theirs.doLayout(thrown), ours.doLayout(thrown));
    }

    @Test
    void configureShouldEscapeControlCharactersWhenTheMessageOrTheExceptionQuotesInput() {
        LoggerContext context = configured();
        Layout<ILoggingEvent> layout = layout(context);
        Logger logger = context.getLogger("org.spoolmail.kernel.pipeline.PipelineRunner");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR,
                "parsing {} failed", new IllegalStateException("bad record \u001B[2J\r\nforged"),
                new Object[] {"in\u202Efdp.smtp"});

        String line = layout.doLayout(event);

        assertTrue(line.contains(" - parsing in\\u202Efdp.smtp failed\n"), line);
        assertTrue(line.contains("java.lang.IllegalStateException: bad record \\u001B[2J\\u000D\\u000Aforged\n"),
                line);
        assertTrue(line.contains("\n\tat org.spoolmail.kernel.logging.LogConfiguratorTest."), line);
        assertFalse(line.chars().anyMatch(c -> c == 0x1B || c == 0x202E || c == '\r'), line);
    }

    @Test
    void configureShouldSetTheLevelsWhenTheVariablesAreSet() {
        System.setProperty("SPOOLMAIL_LOG_LEVEL", "INFO");
        System.setProperty("SPOOLMAIL_PF4J_LOG_LEVEL", "WARN");
        LoggerContext context = configured();
        assertEquals(Level.INFO, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
        assertEquals(Level.WARN, context.getLogger("org.pf4j").getLevel());
    }

    @Test
    void levelShouldBeTheFallbackWhenTheVariableIsNotSet() {
        assertEquals(Level.ERROR, LogConfigurator.level("SPOOLMAIL_TEST_NO_SUCH_VARIABLE", "ERROR"));
    }

    @Test
    void levelShouldBeDebugWhenTheNameIsUnknown() {
        System.setProperty("SPOOLMAIL_LOG_LEVEL", "LOUD");
        assertEquals(Level.DEBUG, LogConfigurator.level("SPOOLMAIL_LOG_LEVEL", "WARN"));
    }

    @SuppressWarnings("unchecked")
    private static Layout<ILoggingEvent> layout(LoggerContext context) {
        ConsoleAppender<?> appender = (ConsoleAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender("STDERR");
        return (Layout<ILoggingEvent>) ((LayoutWrappingEncoder<?>) appender.getEncoder()).getLayout();
    }

    private static LoggerContext configured() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        LogConfigurator configurator = new LogConfigurator();
        configurator.setContext(context);
        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configurator.configure(context));
        return context;
    }
}
