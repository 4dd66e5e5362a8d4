package org.spoolmail.kernel.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.spoolmail.exits.ExitFailureException;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.Disposition.HoldCause;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.TraceEntry;
import org.spoolmail.kernel.config.OnError;

/**
 * One guarded call of a stage: whatever the stage throws (any Exception, and any Error: a LinkageError from a badly
 * built plugin, a StackOverflowError or OutOfMemoryError from an input the stage could not cope with; the stack has
 * unwound and the stage's garbage is free again when it is caught here), returns wrongly (null, another identity) becomes a stop with a HELD (or, under {@code on-error: defer},
 * DEFERRED) disposition naming the stage and the reason, so the runner goes on with the next item.
 */
final class StageCall {

    private static final Logger LOG = LoggerFactory.getLogger(StageCall.class);

    private StageCall() {
    }

    static StageOutcome call(PipelineStage stage, MailObject mail) {
        return call(stage, mail, false);
    }

    /**
     * @param spool true when the item lives in the spool queue, which retries: a transient failure (relay
     *     unreachable, a resource down) then defers the item with the failure's reply instead of holding it
     */
    static StageOutcome call(PipelineStage stage, MailObject mail, boolean spool) {
        String role = stage.entry().role();
        MDC.put("stage", role);
        MDC.put("plugin-id", stage.pluginId());
        try {
            StageOutcome outcome = stage.stage().process(mail);
            if (outcome == null) {
                return failed(stage, mail, HoldCause.ENVIRONMENT, "returned no outcome (null)");
            }
            // Same object first: the usual case, and a record's first equals() costs a method-handle bootstrap.
            if (outcome.mail().identity() != mail.identity() && !outcome.mail().identity().equals(mail.identity())
                    || !outcome.mail().id().equals(mail.id())) {
                return failed(stage, mail, HoldCause.ENVIRONMENT, "tried to change the submitter identity");
            }
            return outcome;
        } catch (ExitFailureException e) {
            return failed(stage, mail, HoldCause.EXIT_FAILURE, e.getMessage());
        } catch (PermanentStageException e) {
            return failed(stage, mail, HoldCause.BAD_INPUT, e.getMessage());
        } catch (TransientStageException e) {
            if (spool) {
                String where = "stage " + stage.entry().role() + " (" + PipelineAssembler.nameOf(stage.stage()) + ")";
                return StageOutcome.stop(mail, new Disposition(Disposition.Kind.DEFERRED, where + ": "
                        + e.getMessage(), e.reply(), List.of(), Optional.empty()));
            }
            return failed(stage, mail, HoldCause.ENVIRONMENT, e.getMessage());
        } catch (StageException | RuntimeException | Error e) {
            LOG.error("stage {} ({}) failed on {}", role, stage.pluginId(), mail.id(), e);
            return failed(stage, mail, HoldCause.ENVIRONMENT, "failed: " + describe(e));
        } finally {
            MDC.remove("stage");
            MDC.remove("plugin-id");
        }
    }

    private static StageOutcome failed(PipelineStage stage, MailObject mail, HoldCause cause, String reason) {
        String where = "stage " + stage.entry().role() + " (" + PipelineAssembler.nameOf(stage.stage()) + ")";
        Disposition d = stage.entry().onError() == OnError.DEFER && cause != HoldCause.BAD_INPUT
                ? new Disposition(Disposition.Kind.DEFERRED, where + ": " + reason, Optional.empty(), List.of(),
                        Optional.empty())
                : Disposition.held(cause, where + ": " + reason);
        return StageOutcome.stop(mail, d);
    }

    /** A failure for people: its message (the log has the class and stack), or what kind of failure it was. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "" : e.getMessage();
        if (e instanceof LinkageError) {
            return "a plugin class could not be linked" + (message.isEmpty() ? "" : ": " + message) + " (see the log)";
        }
        if (e instanceof VirtualMachineError) {
            return "the Java VM ran out of resources (" + e.getClass().getName() + (message.isEmpty() ? ""
                    : ": " + message) + "): the input may be too large or too deeply nested (see the log)";
        }
        return message.isEmpty() ? "an internal error without a message (see the log)" : message;
    }

    static TraceEntry trace(String stage, Disposition d, Duration elapsed) {
        return new TraceEntry(stage, Optional.empty(), d.kind().name(), d.reason(), elapsed);
    }

    static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
