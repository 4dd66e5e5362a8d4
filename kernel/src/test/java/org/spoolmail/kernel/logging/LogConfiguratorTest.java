package org.spoolmail.kernel.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;

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
        PatternLayoutEncoder encoder = assertInstanceOf(PatternLayoutEncoder.class, appender.getEncoder());
        assertEquals("%d{HH:mm:ss.SSS} %-5level [%X{mail-id}] [%X{stage}] %logger{24} - %msg%n",
                encoder.getPattern());
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

    private static LoggerContext configured() {
        LoggerContext context = new LoggerContext();
        LogConfigurator configurator = new LogConfigurator();
        configurator.setContext(context);
        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configurator.configure(context));
        return context;
    }
}
