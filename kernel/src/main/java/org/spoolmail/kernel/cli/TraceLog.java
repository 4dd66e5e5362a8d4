package org.spoolmail.kernel.cli;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * {@code send --trace}: shows the INFO lines of the stages that trace the wire (their logger is
 * {@code spoolmail.stage.<name>}, e.g. deliver-smtp's SMTP dialogue) on the command's standard error, as
 * {@code spoolmail send: deliver-smtp: <line>}, whatever the log level of logback.xml. Closing it puts the loggers
 * back as they were.
 */
final class TraceLog implements AutoCloseable {

    private final List<Logger> loggers = new ArrayList<>();
    private final Appender appender;

    /**
     * @param console where the lines go
     * @param command the subcommand, first on every line
     * @param stages the names of the stages whose logger to show
     */
    TraceLog(Console console, String command, List<String> stages) {
        this.appender = new Appender(console, command);
        if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
            return; // another SLF4J binding: its own configuration decides
        }
        appender.setContext(context);
        appender.start();
        for (String stage : stages) {
            Logger logger = context.getLogger("spoolmail.stage." + stage);
            logger.setLevel(Level.INFO);
            logger.setAdditive(false);
            logger.addAppender(appender);
            loggers.add(logger);
        }
    }

    @Override
    public void close() {
        for (Logger logger : loggers) {
            logger.detachAppender(appender);
            logger.setAdditive(true);
            logger.setLevel(null);
        }
        appender.stop();
    }

    /** Prints each event's message with the stage's name. */
    private static final class Appender extends AppenderBase<ILoggingEvent> {
        private final Console console;
        private final String command;

        Appender(Console console, String command) {
            this.console = console;
            this.command = command;
        }

        @Override
        protected void append(ILoggingEvent event) {
            String stage = event.getLoggerName().substring("spoolmail.stage.".length());
            console.problem(command, stage + ": " + event.getFormattedMessage());
        }
    }
}
