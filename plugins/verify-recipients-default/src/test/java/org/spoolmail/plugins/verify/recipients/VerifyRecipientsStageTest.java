package org.spoolmail.plugins.verify.recipients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.ExitFailureException;
import org.spoolmail.exits.ExitRoutine;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.fake.FakeExitRoutine;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.TraceEntry;

class VerifyRecipientsStageTest {

    private static final ForwardPath ALICE = ForwardPath.parse("alice@example.com");
    private static final ForwardPath BOB = ForwardPath.parse("bob@partner.example");
    private static final ForwardPath CAROL = ForwardPath.parse("carol@example.com");

    private final MailObject mail = MailObjects.builder().from("batch@example.com").to("alice@example.com")
            .to("bob@partner.example").to("carol@example.com").header("Subject", "totals").build();

    @Test
    void processShouldGoOnUnchangedWithTraceEntryWhenNoRoutinesConfigured() throws StageException {
        MailObject result = next(stage().process(mail));

        assertEquals(mail.envelope(), result.envelope());
        assertEquals(List.of(new TraceEntry("verify-recipients", Optional.empty(), "CONTINUE",
                "no exit routines configured", Duration.ZERO)), result.trace());
    }

    @Test
    void processShouldRunEveryRoutineInOrderWhenAllContinue() throws StageException {
        FakeExitRoutine first = FakeExitRoutine.always("first", new ExitDecision.Continue("all internal"));
        FakeExitRoutine second = FakeExitRoutine.always("second", ExitDecision.proceed());

        MailObject result = next(stage(first, second).process(mail));

        assertEquals(List.of(trace("first", "CONTINUE", "all internal"), trace("second", "CONTINUE", "")),
                result.trace());
        assertEquals(List.of(ALICE, BOB, CAROL), result.envelope().forwardPaths());
    }

    @Test
    void processShouldSkipLaterRoutinesWhenOneAccepts() throws StageException {
        FakeExitRoutine later = FakeExitRoutine.always("later", ExitDecision.reject(
                SmtpReply.of(550, "5.7.1", "no"), "no"));

        MailObject result = next(stage(FakeExitRoutine.always("ops", ExitDecision.accept("operations job")), later)
                .process(mail));

        assertEquals(List.of(trace("ops", "ACCEPT", "operations job")), result.trace());
        assertEquals(List.of(), later.seen());
    }

    @Test
    void processShouldDropTheNamedForwardPathsAndShowLaterRoutinesTheRestWhenOneReplaces() throws StageException {
        FakeExitRoutine dropper = FakeExitRoutine.always("domain-policy", ExitDecision.dropRecipients(
                List.of(ForwardPath.parse("bob@PARTNER.example")), "partner.example is not an allowed domain"));
        FakeExitRoutine later = FakeExitRoutine.always("later", ExitDecision.proceed());

        MailObject result = next(stage(dropper, later).process(mail));

        assertEquals(List.of(ALICE, CAROL), result.envelope().forwardPaths());
        assertEquals(List.of(ALICE, CAROL), later.seen().get(0).envelope().forwardPaths());
        assertEquals(trace("domain-policy", "REPLACE", "partner.example is not an allowed domain"
                + " (dropped <bob@partner.example>)"), result.trace().get(0));
        assertEquals(mail.content(), result.content());
    }

    @Test
    void processShouldRecordEachDropAsDroppedByAttributeWhenOneReplaces() throws StageException {
        FakeExitRoutine dropper = FakeExitRoutine.always("domain-policy", ExitDecision.dropRecipients(
                List.of(ForwardPath.parse("bob@PARTNER.example"), CAROL), "outside the allowed domains"));

        MailObject result = next(stage(dropper).process(mail));

        assertEquals(Map.of("dropped-by:<bob@partner.example>", "domain-policy: outside the allowed domains",
                "dropped-by:<carol@example.com>", "domain-policy: outside the allowed domains"),
                result.attributes().values());
    }

    @Test
    void processShouldRecordNoAttributeWhenTheDroppedPathsAreNotInIt() throws StageException {
        FakeExitRoutine dropper = FakeExitRoutine.always("r", ExitDecision.dropRecipients(
                List.of(ForwardPath.parse("zed@example.com")), "zed left"));

        assertEquals(Map.of(), next(stage(dropper).process(mail)).attributes().values());
    }

    @Test
    void processShouldRejectWith550When5_7_1WhenEveryRecipientIsDropped() throws StageException {
        FakeExitRoutine dropper = FakeExitRoutine.always("domain-policy", ExitDecision.dropRecipients(
                List.of(ALICE, BOB, CAROL), "outside office hours"));

        StageOutcome.Stop stop = assertInstanceOf(StageOutcome.Stop.class, stage(dropper).process(mail));

        assertEquals(Disposition.rejected("no recipient left after exit routine domain-policy dropped"
                + " <alice@example.com>, <bob@partner.example>, <carol@example.com>",
                SmtpReply.of(550, "5.7.1", "no permitted recipients")), stop.disposition());
        assertEquals(1, stop.mail().trace().size());
    }

    @Test
    void processShouldKeepTheEnvelopeWhenTheDroppedPathsAreNotInIt() throws StageException {
        FakeExitRoutine dropper = FakeExitRoutine.always("r", ExitDecision.dropRecipients(
                List.of(ForwardPath.parse("zed@example.com")), "zed left"));

        MailObject result = next(stage(dropper).process(mail));

        assertEquals(List.of(ALICE, BOB, CAROL), result.envelope().forwardPaths());
        assertEquals("zed left (none of the named recipients is in the envelope)", result.trace().get(0).reason());
    }

    @Test
    void processShouldStopRejectedWithTheRoutinesReplyWhenOneRejects() throws StageException {
        SmtpReply reply = SmtpReply.of(550, "5.7.1", "external recipients not allowed for BATCH1");
        FakeExitRoutine later = FakeExitRoutine.always("later", ExitDecision.proceed());

        StageOutcome.Stop stop = assertInstanceOf(StageOutcome.Stop.class, stage(FakeExitRoutine.always("policy",
                ExitDecision.reject(reply, "external recipient bob@partner.example")), later).process(mail));

        assertEquals(Disposition.rejected("external recipient bob@partner.example", reply), stop.disposition());
        assertEquals(List.of(), later.seen());
    }

    @Test
    void processShouldStopDeferredWithTheRoutinesReplyWhenOneDefers() throws StageException {
        SmtpReply reply = SmtpReply.of(451, "4.3.0", "recipient directory unavailable");

        StageOutcome.Stop stop = assertInstanceOf(StageOutcome.Stop.class, stage(FakeExitRoutine.always("ldap",
                ExitDecision.defer(reply, ""))).process(mail));

        assertEquals(Disposition.deferred("recipients refused by exit routine ldap", reply), stop.disposition());
    }

    @Test
    void processShouldHoldAsRoutineFailureWhenARoutineReplacesTheSender() {
        FakeExitRoutine replacer = FakeExitRoutine.always("wrong", ExitDecision.replace(
                Mailbox.parse("x@example.com"), "x"));

        ExitFailureException e = assertThrows(ExitFailureException.class, () -> stage(replacer).process(mail));

        assertEquals("exit routine wrong returned a REPLACE of the sender, which the verify-recipients exit point"
                + " does not take", e.getMessage());
    }

    @Test
    void processShouldPassTheFailureOnWhenARoutineFails() {
        FakeExitRoutine later = FakeExitRoutine.always("later", ExitDecision.proceed());

        ExitFailureException e = assertThrows(ExitFailureException.class,
                () -> stage(FakeExitRoutine.failing("slow"), later).process(mail));

        assertEquals("slow", e.routine());
        assertEquals(List.of(), later.seen());
    }

    private static TraceEntry trace(String routine, String decision, String reason) {
        return new TraceEntry("verify-recipients", Optional.of(routine), decision, reason, Duration.ZERO);
    }

    private static MailObject next(StageOutcome outcome) {
        return assertInstanceOf(StageOutcome.Next.class, outcome).mail();
    }

    private static VerifyRecipientsStage stage(ExitRoutine... routines) {
        VerifyRecipientsStage stage = new VerifyRecipientsStage();
        stage.init(FakeStageContext.of(stage, Map.of(), Path.of(".")).withExitRoutines(List.of(routines)));
        return stage;
    }
}
