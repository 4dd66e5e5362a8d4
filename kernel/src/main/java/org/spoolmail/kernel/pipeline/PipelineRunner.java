package org.spoolmail.kernel.pipeline;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.mail.Attributes;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.Disposition.HoldCause;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.RefusedInput;
import org.spoolmail.kernel.config.OnError;

/**
 * Runs inputs through the pipeline: parse, then each processing stage in order until one stops the mail object,
 * then every observer. Each stage call is wrapped: whatever a stage throws (any Exception or Error) or returns
 * wrongly holds the item with the stage's name and the reason; the runner goes on
 * with the next item. Nothing is dropped.
 */
public final class PipelineRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
    /** The role of the stages {@code spoolmail check} skips. */
    private static final String DELIVER = "deliver";

    private final Pipeline pipeline;
    private final QueueIds queueIds;
    private final HeldMail hold;

    /**
     * @param pipeline the assembled pipeline
     * @param queueIds the queue ID source
     * @param clock the clock of the times of held and deferred items in the spool queue
     */
    @Inject
    public PipelineRunner(Pipeline pipeline, QueueIds queueIds, Clock clock) {
        this.pipeline = pipeline;
        this.queueIds = queueIds;
        this.hold = new HeldMail(new SpoolHold(pipeline.config().spool(), clock));
    }

    /**
     * @param pipeline the assembled pipeline
     * @param queueIds the queue ID source
     */
    public PipelineRunner(Pipeline pipeline, QueueIds queueIds) {
        this(pipeline, queueIds, Clock.systemUTC());
    }

    /**
     * Makes this process hold, audit and end with condition code 8 when it is told to end while a stage works on
     * a mail (a plugin calling System.exit by a route the plugin check cannot see, or SIGTERM), instead of ending
     * with the status the caller chose and the mail neither sent nor held. For the command line only: the process
     * of an application that embeds the kernel is the application's.
     */
    public static void holdMailInFlightAtProcessEnd() {
        InFlight.install();
    }

    /**
     * Runs one input, choosing its parser by format detection when the parse stage has several.
     *
     * @param input the input, with the identity the kernel established
     * @return how it ended
     */
    public InputResult run(MailInput input) {
        return run(input, Optional.empty(), false);
    }

    /**
     * Runs one input.
     *
     * @param input the input, with the identity the kernel established
     * @param format the parser to use ({@code --format}); empty to detect it
     * @param check true to stop before delivery: stages whose role is {@code deliver} and the observers are
     *     skipped, and an item that passes every other stage ends DELIVERED with no recipient results
     * @return how it ended
     */
    public InputResult run(MailInput input, Optional<String> format, boolean check) {
        return run(input, format, check, List.of());
    }

    /**
     * Runs one input; what cannot go is kept in the spool queue, one item per mail object, with the options that
     * shaped the input.
     *
     * @param input the input, with the identity the kernel established
     * @param format the parser to use ({@code --format}); empty to detect it
     * @param check true to stop before delivery (see {@link #run(MailInput, Optional, boolean)})
     * @param resendOptions the command-line options that shape the input, e.g. {@code [--codepage, 1047]}, which
     *     {@code queue show} shows for a kept item
     * @return how it ended
     */
    public InputResult run(MailInput input, Optional<String> format, boolean check, List<String> resendOptions) {
        ParsedInput parsed;
        try {
            ParserChoice parser = new FormatDetector(pipeline.parsers()).choose(input, format);
            parsed = new ParsedInput(parser.name(), parser.parser().parse(input));
        } catch (FormatDetector.FormatException e) {
            return refused(input, format, resendOptions, e.getMessage(), e.conditionCode(), check);
        } catch (PermanentStageException e) {
            return refused(input, format, resendOptions, e.getMessage(), ConditionCodes.BAD_INPUT, check);
        } catch (VirtualMachineError e) {
            // The parser ran out of stack or heap on this input: keep the input, as for bad input, and go on.
            LOG.error("parsing {} failed", input.origin(), e);
            return refused(input, format, resendOptions, input.origin() + ": parse failed: "
                    + StageCall.describe(e), ConditionCodes.BAD_INPUT, check);
        } catch (StageException | RuntimeException | Error e) {
            LOG.error("parsing {} failed", input.origin(), e);
            return new InputResult(input.origin(), List.of(), Optional.of(input.origin() + ": parse failed: "
                    + StageCall.describe(e)), ConditionCodes.ENVIRONMENT);
        }
        Pieces pieces = new Pieces(input, parsed);
        List<ItemResult> items = new ArrayList<>();
        for (int i = 0; i < parsed.mails().size(); i++) {
            MailObject mail = admit(parsed.mails().get(i), input);
            int index = i;
            items.add(check ? checkItem(mail) : runItem(mail, new HeldMail.Source(input,
                    Optional.of(parsed.parser()), resendOptions, () -> pieces.get().get(index))));
        }
        return new InputResult(input.origin(), items, Optional.empty(), 0);
    }

    /** The octets of each mail object of an input, cut only when one of them has to be kept. */
    private final class Pieces {
        private final MailInput input;
        private final ParsedInput parsed;
        private List<TransactionSplitter.Piece> cut;

        Pieces(MailInput input, ParsedInput parsed) {
            this.input = input;
            this.parsed = parsed;
        }

        synchronized List<TransactionSplitter.Piece> get() throws IOException {
            if (cut == null) {
                cut = new TransactionSplitter(PipelineRunner.this).split(input, parsed);
            }
            return cut;
        }
    }

    /**
     * Runs one mail object an embedding application built in code: it skips the parse stage and goes through
     * every processing stage and observer as a parsed one does. It is admitted as a parsed one is (a new queue ID,
     * the input's identity, its original sender and forward-paths noted).
     *
     * @param built the mail object; its id and identity are replaced
     * @param input stands for it in the spool queue when it is held or deferred: its octets (a datastream of it)
     *     become the item's, with the origin and identity
     * @param resendOptions the {@code spoolmail send} options that read those octets, e.g. {@code [--records,
     *     crlf]}, shown by {@code queue show}
     * @return how it ended
     */
    public ItemResult run(MailObject built, MailInput input, List<String> resendOptions) {
        MailObject admitted = admit(built, input);
        return runItem(admitted, new HeldMail.Source(input, Optional.empty(), resendOptions,
                () -> new TransactionSplitter.Piece(input.data(), 0, admitted)));
    }

    /**
     * An input refused as a whole; when sending, one refused as bad input (12) is kept in the spool queue, HELD
     * with the error, so that nothing is lost: the operator fixes its octets ({@code queue show} names the file)
     * and releases it.
     */
    private InputResult refused(MailInput input, Optional<String> format, List<String> options, String error,
            int code, boolean check) {
        if (check || code != ConditionCodes.BAD_INPUT) {
            return new InputResult(input.origin(), List.of(), Optional.of(error), code);
        }
        try {
            SpoolHold.Kept kept = hold.keepInput(queueIds.next(), input, format, options, HoldCause.BAD_INPUT.name(),
                    error, code);
            return new InputResult(input.origin(), List.of(), Optional.of(error), code, Optional.of(kept));
        } catch (IOException | RuntimeException e) {
            return new InputResult(input.origin(), List.of(), Optional.of(error + "; it could not be kept in the spool"
                    + " queue: " + StageCall.describe(e)), ConditionCodes.ENVIRONMENT);
        }
    }

    /**
     * A HELD or DEFERRED item, and one with a recipient the relay deferred, is kept in the spool queue in that state
     * ({@code send} has no retry of its own: the spool server retries deferred mail and {@code queue release} serves
     * held mail), before the observers run, so that the audit record says where it is kept ({@code held-in}), or
     * that it could not be kept (condition code 16).
     */
    private Kept keep(HeldMail.Source source, MailObject mail, Disposition d, int code) {
        boolean pending = d.recipients().stream().anyMatch(r -> r.status() == RecipientResult.Status.DEFERRED);
        if (d.kind() != Disposition.Kind.HELD && d.kind() != Disposition.Kind.DEFERRED && !pending) {
            return new Kept(mail, code, Optional.empty(), Optional.empty());
        }
        try {
            SpoolHold.Kept kept = hold.keep(source, mail, d, code);
            return new Kept(mail.withAttributes(mail.attributes().with("held-in", kept.where())), code,
                    Optional.of(kept), Optional.empty());
        } catch (IOException | RuntimeException e) {
            String failure = mail.id() + " could not be kept in the spool queue: " + StageCall.describe(e);
            return new Kept(mail.withAttributes(mail.attributes().with("hold-failed", StageCall.describe(e))),
                    ConditionCodes.ENVIRONMENT, Optional.empty(), Optional.of(failure));
        }
    }

    /** An item after the spool hold: the mail object noting where it is kept, its code, the item or the failure. */
    private record Kept(MailObject mail, int code, Optional<SpoolHold.Kept> item, Optional<String> failure) {
    }

    /**
     * The kernel, not the parser, names the item and vouches for its submitter; it keeps the sender as parsed
     * ({@code original-reverse-path}, {@code original-from}) and its forward-paths ({@code original-forward-paths},
     * comma-separated, e.g. {@code <a@x>,<b@y>}) so that a replacement or a dropped recipient stays visible.
     */
    private MailObject admit(MailObject parsed, MailInput input) {
        return admit(parsed, input, queueIds.next());
    }

    private MailObject admit(MailObject parsed, MailInput input, String id) {
        Attributes attributes = parsed.attributes().with("original-reverse-path",
                parsed.envelope().reversePath().toString()).with("original-forward-paths", String.join(",",
                        parsed.envelope().forwardPaths().stream().map(Object::toString).toList()));
        Optional<String> from = parsed.content().headers().first("From");
        if (from.isPresent()) {
            attributes = attributes.with("original-from", from.get());
        }
        return new MailObject(id, parsed.envelope(), parsed.content(), input.identity(), attributes,
                parsed.trace());
    }

    private ItemResult runItem(MailObject admitted, HeldMail.Source source) {
        MDC.put("mail-id", admitted.id());
        InFlight.Item flight = InFlight.begin((m, stage) -> endedInFlight(m, stage, source));
        try {
            MailObject mail = admitted;
            Disposition disposition = null;
            for (PipelineStage stage : pipeline.stages()) {
                long start = System.nanoTime();
                flight.at(mail, stage);
                StageOutcome outcome = StageCall.call(stage, mail);
                mail = outcome.mail();
                if (outcome instanceof StageOutcome.Stop stop) {
                    disposition = stop.disposition();
                    // The stage that ended the item is named in the trace with its outcome, e.g. deliver DELIVERED.
                    mail = mail.withTrace(StageCall.trace(stage.entry().role(), disposition, StageCall.elapsed(start)));
                    break;
                }
            }
            flight.close(); // it has its outcome: from here on the process ending cannot lose it
            if (disposition == null) {
                disposition = Disposition.held(HoldCause.ENVIRONMENT,
                        "the pipeline ended without a deliver stage stopping the mail object");
                mail = mail.withTrace(StageCall.trace("pipeline", disposition, Duration.ZERO));
            }
            Kept kept = keep(source, mail, disposition, ConditionCodes.of(mail, disposition));
            mail = kept.mail().withAttributes(kept.mail().attributes().with("condition-code",
                    Integer.toString(kept.code())));
            List<String> warnings = new ArrayList<>();
            kept.failure().ifPresent(warnings::add);
            boolean unrecorded = observe(mail, disposition, warnings);
            int code = unrecorded ? Math.max(kept.code(), ConditionCodes.ENVIRONMENT) : kept.code();
            return new ItemResult(mail, disposition, code, warnings, kept.item());
        } finally {
            flight.close();
            MDC.remove("mail-id");
        }
    }

    /**
     * The process is ending while a stage works on this item (a plugin called System.exit, or a signal came): hold
     * it with that reason and have it audited, as any failed item, from the shutdown hook.
     *
     * @return the line for standard error
     */
    private String endedInFlight(MailObject mail, PipelineStage stage, HeldMail.Source source) {
        MailInput input = source.input();
        String where = "stage " + stage.entry().role() + " (" + PipelineAssembler.nameOf(stage.stage()) + ")";
        Disposition d = Disposition.held(HoldCause.EXIT_FAILURE, where + ": the process was told to end while it"
                + " ran (System.exit or Runtime.exit called by a plugin, or a signal such as SIGTERM)");
        MailObject ended = mail.withTrace(StageCall.trace(stage.entry().role(), d, Duration.ZERO));
        Kept kept = keep(source, ended, d, ConditionCodes.REFUSED);
        List<String> warnings = new ArrayList<>();
        kept.failure().ifPresent(warnings::add);
        observe(kept.mail().withAttributes(kept.mail().attributes().with("condition-code",
                Integer.toString(ConditionCodes.REFUSED))), d, warnings);
        return "spoolmail: " + input.origin() + ": " + mail.id() + " HELD: " + d.reason()
                + kept.item().map(c -> " (kept in " + c.where() + ")").orElse("") + (warnings.isEmpty() ? ""
                        : "; " + String.join("; ", warnings)) + " (condition code " + ConditionCodes.REFUSED
                + "); the messages after it in " + input.origin() + " were not run: send them again (the held item"
                + " holds this message only: 'spoolmail queue release " + mail.id() + "' once the cause is fixed)";
    }

    /**
     * Runs one item of the spool queue through the processing stages: the input holds the item's octets, parsed
     * again with the parser that read them at submission; the mail object gets the item's queue ID, and the
     * recipients a former attempt finished are taken out of its envelope before any stage sees it. A transient stage
     * failure (relay unreachable, a resource down) defers the item rather than holding it: the spool retries. The
     * observers have not heard of the outcome yet: the caller records it in the queue first, as soon as it can after
     * the relay's reply (RFC 1047), then has the observers record it with {@link #finishQueued}, on any thread.
     *
     * @param input the item's octets and submitter
     * @param queueId the item's queue ID
     * @param format the parser that read it at submission; empty to detect
     * @param index which mail object of the parsed octets the item is
     * @param finished the forward-paths (as {@code <a@x>}) a former attempt finished: accepted or refused for good
     * @return where the stages left it; empty when a former attempt finished every recipient (nothing is run)
     * @throws InputRefusedException if the octets cannot be parsed, or hold no mail object at {@code index}
     */
    public Optional<QueuedStop> runQueued(MailInput input, String queueId, Optional<String> format, int index,
            java.util.Set<String> finished) throws InputRefusedException {
        ParsedInput parsed = parse(input, format);
        if (index >= parsed.mails().size()) {
            throw new InputRefusedException(input.origin() + ": holds " + parsed.mails().size()
                    + " mail object(s), the item is number " + (index + 1), ConditionCodes.BAD_INPUT);
        }
        MailObject admitted = admit(parsed.mails().get(index), input, queueId);
        List<org.spoolmail.exits.mail.ForwardPath> open = admitted.envelope().forwardPaths().stream()
                .filter(f -> !finished.contains(f.toString())).toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        admitted = admitted.withEnvelope(admitted.envelope().withForwardPaths(open));
        MDC.put("mail-id", queueId);
        try {
            Stopped stopped = runStages(admitted, true);
            return Optional.of(new QueuedStop(stopped.role(), open, stopped.mail(), stopped.disposition()));
        } finally {
            MDC.remove("mail-id");
        }
    }

    /**
     * Has every observer record how a queued item ended (the audit record), once the queue has recorded it.
     *
     * @param stop what {@link #runQueued} returned
     * @return how it ended, with the warnings of observers that could not record it
     */
    public ItemResult finishQueued(QueuedStop stop) {
        MDC.put("mail-id", stop.mail().id());
        try {
            return finish(stop.mail(), stop.disposition(), ConditionCodes.of(stop.mail(), stop.disposition()),
                    Optional.empty(), Optional.empty());
        } finally {
            MDC.remove("mail-id");
        }
    }

    /**
     * Where the stages left a queued item.
     *
     * @param role the role of the stage that stopped it, e.g. {@code deliver}, or {@code pipeline}
     * @param attempted the forward-paths the attempt started with (the item's open ones)
     * @param mail the mail object as it ended
     * @param disposition how it ended
     */
    public record QueuedStop(String role, List<org.spoolmail.exits.mail.ForwardPath> attempted, MailObject mail,
            Disposition disposition) {
    }

    /**
     * Records an operator's action on a queued item ({@code queue purge}) with the observers: the item is parsed
     * again, gets its queue ID, and the observers (the audit log) hear the disposition.
     *
     * @param input the item's octets and submitter
     * @param queueId the item's queue ID
     * @param format the parser that read it at submission; empty to detect
     * @param index which mail object of the parsed octets the item is
     * @param disposition what the operator did, e.g. DISCARDED with the reason
     * @return the warnings of observers that could not record it; empty when recorded
     * @throws InputRefusedException if the octets cannot be parsed, or hold no mail object at {@code index}
     */
    public List<String> recordQueued(MailInput input, String queueId, Optional<String> format, int index,
            Disposition disposition) throws InputRefusedException {
        ParsedInput parsed = parse(input, format);
        if (index >= parsed.mails().size()) {
            throw new InputRefusedException(input.origin() + ": holds " + parsed.mails().size()
                    + " mail object(s), the item is number " + (index + 1), ConditionCodes.BAD_INPUT);
        }
        MailObject mail = admit(parsed.mails().get(index), input, queueId);
        mail = mail.withTrace(StageCall.trace("queue", disposition, Duration.ZERO));
        List<String> warnings = new ArrayList<>();
        observe(mail, disposition, warnings);
        return warnings;
    }

    /**
     * Parses an input with its parser (given, or detected among the parse stage's).
     *
     * @param input the input
     * @param format the parser to use; empty to detect it
     * @return the parser's name and the mail objects, not yet admitted (no queue ID)
     * @throws InputRefusedException if it cannot be parsed: the message names file and record, with the code
     */
    public ParsedInput parse(MailInput input, Optional<String> format) throws InputRefusedException {
        try {
            ParserChoice parser = new FormatDetector(pipeline.parsers()).choose(input, format);
            return new ParsedInput(parser.name(), parser.parser().parse(input));
        } catch (FormatDetector.FormatException e) {
            throw new InputRefusedException(e.getMessage(), e.conditionCode());
        } catch (PermanentStageException e) {
            throw new InputRefusedException(e.getMessage(), ConditionCodes.BAD_INPUT);
        } catch (StageException | RuntimeException | LinkageError e) {
            LOG.error("parsing {} failed", input.origin(), e);
            throw new InputRefusedException(input.origin() + ": parse failed: " + StageCall.describe(e),
                    ConditionCodes.ENVIRONMENT);
        }
    }

    /** Each processing stage in order until one stops the item; {@code spool}: transient failures defer it. */
    private Stopped runStages(MailObject admitted, boolean spool) {
        MailObject mail = admitted;
        for (PipelineStage stage : pipeline.stages()) {
            long start = System.nanoTime();
            StageOutcome outcome = StageCall.call(stage, mail, spool);
            mail = outcome.mail();
            if (outcome instanceof StageOutcome.Stop stop) {
                Disposition disposition = stop.disposition();
                // The stage that ended the item is named in the trace with its outcome, e.g. deliver DELIVERED.
                mail = mail.withTrace(StageCall.trace(stage.entry().role(), disposition, StageCall.elapsed(start)));
                return new Stopped(stage.entry().role(), mail, disposition);
            }
        }
        Disposition held = Disposition.held(HoldCause.ENVIRONMENT,
                "the pipeline ended without a deliver stage stopping the mail object");
        return new Stopped("pipeline", mail.withTrace(StageCall.trace("pipeline", held, Duration.ZERO)), held);
    }

    private ItemResult finish(MailObject ended, Disposition disposition, int code, Optional<String> failure,
            Optional<SpoolHold.Kept> copy) {
        MailObject mail = ended.withAttributes(ended.attributes().with("condition-code", Integer.toString(code)));
        List<String> warnings = new ArrayList<>();
        failure.ifPresent(warnings::add);
        boolean unrecorded = observe(mail, disposition, warnings);
        return new ItemResult(mail, disposition, unrecorded ? Math.max(code, ConditionCodes.ENVIRONMENT) : code,
                warnings, copy);
    }

    /** Where the stages left an item: the stopping stage's role, the mail object, its disposition. */
    private record Stopped(String role, MailObject mail, Disposition disposition) {
    }

    /** Runs every stage but delivery; observers record nothing, since nothing was sent. */
    private ItemResult checkItem(MailObject admitted) {
        MailObject mail = admitted;
        for (PipelineStage stage : pipeline.stages()) {
            if (stage.entry().role().equals(DELIVER)) {
                continue;
            }
            StageOutcome outcome = StageCall.call(stage, mail);
            mail = outcome.mail();
            if (outcome instanceof StageOutcome.Stop stop) {
                return new ItemResult(mail, stop.disposition(), ConditionCodes.of(mail, stop.disposition()),
                        List.of());
            }
        }
        Disposition ready = Disposition.delivered(List.of(), Optional.empty());
        return new ItemResult(mail, ready, ConditionCodes.of(mail, ready), List.of());
    }

    /**
     * @return the relay connections the pipeline's stages hold now, summed (open and pooled), for a running spool
     *     server's status line; zero when no stage keeps any
     */
    public org.spoolmail.exits.mail.RelayConnections relayConnections() {
        org.spoolmail.exits.mail.RelayConnections all = new org.spoolmail.exits.mail.RelayConnections(0, 0);
        for (PipelineStage stage : pipeline.stages()) {
            try {
                all = stage.stage().relayConnections().map(all::plus).orElse(all);
            } catch (RuntimeException | LinkageError e) {
                // a plugin's count is for people; a failing one does not stop the server
                LOG.debug("stage {} could not count its relay connections", stage.entry().use(), e);
            }
        }
        return all;
    }

    /**
     * Records a queued input the parser refused (a bad spool file, held or deleted) with every observer, since it
     * has no mail object to {@code observe}.
     *
     * @param refused the input, the reason and what was done
     * @return the warnings of observers that could not record it; empty when recorded
     */
    public List<String> recordRefused(RefusedInput refused) {
        List<String> warnings = new ArrayList<>();
        for (PipelineObserver o : pipeline.observers()) {
            try {
                o.observer().observeRefused(refused);
            } catch (StageException | RuntimeException | Error e) {
                warnings.add("log stage " + o.entry().use() + " could not record " + refused.queueId() + ": "
                        + e.getMessage());
            }
        }
        return warnings;
    }

    /** Runs every observer; returns true when one whose on-error is not 'continue' could not record the item. */
    private boolean observe(MailObject mail, Disposition disposition, List<String> warnings) {
        boolean unrecorded = false;
        for (PipelineObserver o : pipeline.observers()) {
            MDC.put("stage", o.entry().role());
            try {
                o.observer().observe(mail, disposition);
            } catch (StageException | RuntimeException | Error e) {
                warnings.add("log stage " + o.entry().use() + " could not record " + mail.id() + ": " + e.getMessage());
                unrecorded |= o.entry().onError() != OnError.CONTINUE;
            } finally {
                MDC.remove("stage");
            }
        }
        return unrecorded;
    }

}
