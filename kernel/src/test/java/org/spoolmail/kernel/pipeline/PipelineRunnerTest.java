package org.spoolmail.kernel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.spoolmail.exits.ExitFailureException;
import org.spoolmail.exits.MailObserver;
import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.kernel.config.OnError;
import org.spoolmail.kernel.config.PipelineConfig;
import org.spoolmail.kernel.config.StageEntry;

@ExtendWith(MockitoExtension.class)
class PipelineRunnerTest {

    private static final Identity SUBMITTER = Identity.of("BATCH1", "SYS1", "job.smtp");

    @Mock
    MailParser parser;
    @Mock
    MailStage encode;
    @Mock
    MailStage deliver;
    @Mock
    MailObserver audit;

    @TempDir
    Path dir;

    private final MailInput input = new MailInput("job.smtp", ContentHandle.ofBytes(new byte[0]),
            org.spoolmail.exits.mail.Ccsid.ISO_8859_1, RecordFormat.LF, SUBMITTER);
    private final MailObject first = MailObjects.builder().from("a@example.org").id("P1").build();
    private final MailObject second = MailObjects.builder().from("b@example.org").id("P2").build();
    private PipelineRunner runner;

    @BeforeEach
    void setUp() {
        runner = runner(OnError.FAIL);
    }

    @Test
    void runShouldDeliverAndObserveEveryMailObjectWhenStagesPassItOn() throws Exception {
        when(parser.parse(input)).thenReturn(List.of(first));
        when(encode.process(any())).thenAnswer(i -> StageOutcome.next(i.getArgument(0)));
        when(deliver.process(any())).thenAnswer(i -> delivered(i.getArgument(0)));

        InputResult result = runner.run(input);

        ItemResult item = result.items().get(0);
        assertEquals(Disposition.Kind.DELIVERED, item.disposition().kind());
        assertEquals(0, result.conditionCode());
        assertEquals("20261130T090000", item.mail().id().substring(0, 15));
        assertEquals(SUBMITTER, item.mail().identity());
        assertEquals(Optional.of("<a@example.org>"), item.mail().attributes().get("original-reverse-path"));
        assertEquals(List.of("deliver DELIVERED"), item.mail().trace().stream()
                .map(t -> t.stage() + " " + t.decision()).toList());
        verify(audit).observe(item.mail(), item.disposition());
    }

    @Test
    void runShouldHoldTheItemAndGoOnWithTheNextWhenAnExitRoutineFails() throws Exception {
        when(parser.parse(input)).thenReturn(List.of(first, second));
        when(encode.process(any()))
                .thenThrow(new ExitFailureException("site-check", "exceeded its time limit of 5s", null))
                .thenAnswer(i -> StageOutcome.next(i.getArgument(0)));
        when(deliver.process(any())).thenAnswer(i -> delivered(i.getArgument(0)));

        InputResult result = runner.run(input);

        ItemResult held = result.items().get(0);
        assertEquals(Disposition.Kind.HELD, held.disposition().kind());
        assertEquals("stage mime-encode (" + encode.getClass().getName()
                + "): exit routine site-check exceeded its time limit of 5s", held.disposition().reason());
        assertEquals(8, held.conditionCode());
        assertEquals(List.of("mime-encode HELD"), held.mail().trace().stream()
                .map(t -> t.stage() + " " + t.decision()).toList());
        assertEquals(Disposition.Kind.DELIVERED, result.items().get(1).disposition().kind());
        assertEquals(8, result.conditionCode());
        verify(audit).observe(held.mail(), held.disposition());
    }

    @Test
    void runShouldReportCode12NamingTheRecordWhenTheParserRefusesTheInput() throws Exception {
        when(parser.parse(input)).thenThrow(new PermanentStageException(new InputLocation("job.smtp", 3),
                "unknown SMTP verb 'HLEO'"));

        InputResult result = runner.run(input);

        assertEquals(Optional.of("job.smtp record 3: unknown SMTP verb 'HLEO'"), result.error());
        assertEquals(List.of(), result.items());
        assertEquals(12, result.conditionCode());
    }

    @Test
    void runShouldHoldWhenAStageChangesTheSubmitterIdentity() throws Exception {
        when(parser.parse(input)).thenReturn(List.of(first));
        when(encode.process(any())).thenAnswer(i -> StageOutcome.next(((MailObject) i.getArgument(0))
                .withIdentity(Identity.of("ROOT", "SYS1", "forged"))));

        ItemResult item = runner.run(input).items().get(0);

        assertEquals(Disposition.HoldCause.ENVIRONMENT, item.disposition().holdCause().orElseThrow());
        assertEquals(SUBMITTER, item.mail().identity());
        assertEquals(16, item.conditionCode());
    }

    @Test
    void runShouldGiveCode4WhenARecipientWasRefused() throws Exception {
        when(parser.parse(input)).thenReturn(List.of(first));
        when(encode.process(any())).thenAnswer(i -> StageOutcome.next(i.getArgument(0)));
        when(deliver.process(any())).thenAnswer(i -> {
            MailObject m = i.getArgument(0);
            return StageOutcome.stop(m, Disposition.delivered(List.of(new RecipientResult(
                    m.envelope().forwardPaths().get(0), RecipientResult.Status.REFUSED,
                    Optional.of(SmtpReply.of(550, "5.1.1", "no such user")))), Optional.empty()));
        });

        assertEquals(4, runner.run(input).conditionCode());
    }

    @Test
    void runShouldDeferInsteadOfHoldingWhenTheStagesPolicyIsDefer() throws Exception {
        runner = runner(OnError.DEFER);
        when(parser.parse(input)).thenReturn(List.of(first));
        when(encode.process(any())).thenThrow(new TransientStageException("directory server down", null));

        ItemResult item = runner.run(input).items().get(0);

        assertEquals(Disposition.Kind.DEFERRED, item.disposition().kind());
        assertEquals(4, item.conditionCode());
    }

    @Test
    void runShouldHandObserversTheConditionCodeAndTheFromAsParsedInAttributes() throws Exception {
        MailObject parsed = MailObjects.builder().from("a@example.org").header("From", "\"Job A\" <a@example.org>")
                .id("P3").build();
        when(parser.parse(input)).thenReturn(List.of(parsed));
        when(encode.process(any())).thenAnswer(i -> StageOutcome.next(i.getArgument(0)));
        when(deliver.process(any())).thenAnswer(i -> StageOutcome.stop(i.getArgument(0),
                Disposition.rejected("relay refused", SmtpReply.of(550, "5.7.1", "no"))));
        ArgumentCaptor<MailObject> observed = ArgumentCaptor.forClass(MailObject.class);

        runner.run(input);

        verify(audit).observe(observed.capture(), any());
        assertEquals(Optional.of("8"), observed.getValue().attributes().get("condition-code"));
        assertEquals(Optional.of("\"Job A\" <a@example.org>"), observed.getValue().attributes().get("original-from"));
        assertEquals(Optional.of("<a@example.org>"), observed.getValue().attributes().get("original-reverse-path"));
    }

    @Test
    void runShouldShowOnlyTheMessageWhenTheParserFailsTransiently() throws Exception {
        when(parser.parse(input)).thenThrow(new TransientStageException("spool volume SPOOL1 is offline", null));

        InputResult result = runner.run(input);

        assertEquals(Optional.of("job.smtp: parse failed: spool volume SPOOL1 is offline"), result.error());
        assertEquals(16, result.conditionCode());
    }

    @Test
    void runShouldNameNoJavaClassWhenAStageThrowsAnUnexpectedException() throws Exception {
        when(parser.parse(input)).thenReturn(List.of(first));
        when(encode.process(any())).thenThrow(new IllegalStateException("boundary table is full"));

        ItemResult item = runner.run(input).items().get(0);

        assertEquals("stage mime-encode (" + PipelineAssembler.nameOf(encode) + "): failed: boundary table is full",
                item.disposition().reason());
    }

    @Test
    void runShouldHoldTheItemAuditItAndGoOnWithTheNextWhenAStageRunsOutOfStack() throws Exception {
        when(parser.parse(input)).thenReturn(List.of(first, second));
        when(encode.process(any())).thenThrow(new StackOverflowError())
                .thenAnswer(i -> StageOutcome.next(i.getArgument(0)));
        when(deliver.process(any())).thenAnswer(i -> delivered(i.getArgument(0)));

        InputResult result = runner.run(input);

        ItemResult held = result.items().get(0);
        assertEquals(Disposition.Kind.HELD, held.disposition().kind());
        assertEquals("stage mime-encode (" + PipelineAssembler.nameOf(encode) + "): failed: the Java VM ran out of"
                + " resources (java.lang.StackOverflowError): the input may be too large or too deeply nested (see"
                + " the log)", held.disposition().reason());
        assertEquals(Disposition.HoldCause.ENVIRONMENT, held.disposition().holdCause().orElseThrow());
        verify(audit).observe(held.mail(), held.disposition());
        assertEquals(Disposition.Kind.DELIVERED, result.items().get(1).disposition().kind());
    }

    @Test
    void runShouldKeepTheInputWithCode12WhenTheParserRunsOutOfHeap() throws Exception {
        when(parser.parse(input)).thenThrow(new OutOfMemoryError("Java heap space"));

        InputResult result = runner.run(input);

        assertEquals(Optional.of("job.smtp: parse failed: the Java VM ran out of resources"
                + " (java.lang.OutOfMemoryError: Java heap space): the input may be too large or too deeply nested"
                + " (see the log)"), result.error());
        assertEquals(12, result.conditionCode());
        assertEquals(dir.resolve("spool/queue/held/" + result.heldAt().orElseThrow().id()).toString(),
                result.heldAt().orElseThrow().where());
    }

    @Test
    void runShouldRaiseTheCodeTo16WhenTheAuditRecordCannotBeWritten() throws Exception {
        when(parser.parse(input)).thenReturn(List.of(first));
        when(encode.process(any())).thenAnswer(i -> StageOutcome.next(i.getArgument(0)));
        when(deliver.process(any())).thenAnswer(i -> delivered(i.getArgument(0)));
        doThrow(new TransientStageException("disk full", null)).when(audit).observe(any(), any());

        ItemResult item = runner.run(input).items().get(0);

        assertEquals(16, item.conditionCode());
        assertEquals(List.of("log stage audit-log could not record " + item.mail().id() + ": disk full"),
                item.warnings());
    }

    private PipelineRunner runner(OnError policy) {
        PipelineConfig config = new PipelineConfig(dir.resolve("pipeline.yaml"), Optional.empty(),
                org.spoolmail.exits.mail.Ccsid.ISO_8859_1, RecordFormat.LF, List.of());
        Pipeline pipeline = new Pipeline(config, parser,
                List.of(new PipelineStage(entry("mime-encode", policy), encode, "mime-encode"),
                        new PipelineStage(entry("deliver", OnError.FAIL), deliver, "deliver-outbox")),
                List.of(new PipelineObserver(entry("log", OnError.FAIL), audit)), List.of(),
                Executors.newSingleThreadExecutor());
        return new PipelineRunner(pipeline, new QueueIds(FakeStageContext.FIXED_CLOCK));
    }

    private static StageEntry entry(String role, OnError policy) {
        String use = role.equals("log") ? "audit-log" : role;
        return new StageEntry("pipeline[x]", role, false, use, Map.of(), List.of(), Duration.ofSeconds(5), policy);
    }

    private static StageOutcome delivered(MailObject m) {
        return StageOutcome.stop(m, Disposition.delivered(m.envelope().forwardPaths().stream()
                .map(f -> new RecipientResult(f, RecipientResult.Status.ACCEPTED, Optional.empty())).toList(),
                Optional.empty()));
    }

}
