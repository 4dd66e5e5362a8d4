package org.spoolmail.plugins.verify.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.IdentityFact;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.TraceEntry;

/** The verify-sender stage's from-alignment policies, after the routines accepted the reverse-path. */
class FromAlignmentTest {

    private static final FakeRoutine OK = FakeRoutine.always("ok", ExitDecision.proceed());

    private final MailObject forged = MailObjects.builder().from("batch1@example.com")
            .identity(new Identity(IdentityFact.established("OPER7"), Optional.of(IdentityFact.claimed("PAYROLL1")),
                    Optional.of(IdentityFact.claimed("JOB01234")), Optional.empty(),
                    IdentityFact.established("SYS1"), "test"))
            .header("From", "\"The CEO\" <ceo@example.com>").header("Subject", "bonus").build();

    @Test
    void processShouldAddASenderFieldNamingTheVerifiedSenderWhenFromDiffersUnderAddSender() throws StageException {
        MailObject result = next(VerifySenderStageTest.stage("add-sender", OK).process(forged));

        assertEquals(List.of(new HeaderField("From", "\"The CEO\" <ceo@example.com>"),
                new HeaderField("Subject", "bonus"), new HeaderField("Sender", "batch1@example.com")),
                result.content().headers().fields());
        assertEquals(new TraceEntry("verify-sender", Optional.empty(), "ADD-SENDER", "from-alignment add-sender:"
                + " From [ceo@example.com] is not the verified sender batch1@example.com: added Sender:"
                + " batch1@example.com", Duration.ZERO), result.trace().get(1));
    }

    @Test
    void processShouldRewriteFromKeepingTheDisplayNameWhenFromDiffersUnderRewrite() throws StageException {
        MailObject withSender = forged.withContent(forged.content().withHeaders(forged.content().headers()
                .with("Sender", "ceo@example.com")));

        MailObject result = next(VerifySenderStageTest.stage("rewrite", OK).process(withSender));

        assertEquals(List.of(new HeaderField("From", "\"The CEO\" <batch1@example.com>"),
                new HeaderField("Subject", "bonus")), result.content().headers().fields());
        assertEquals("REPLACE", result.trace().get(1).decision());
    }

    @Test
    void processShouldRejectWith550When5_7_1WhenFromDiffersUnderReject() throws StageException {
        StageOutcome.Stop stop = assertInstanceOf(StageOutcome.Stop.class,
                VerifySenderStageTest.stage("reject", OK).process(forged));

        assertEquals(Disposition.rejected("From [ceo@example.com] is not the verified sender batch1@example.com",
                SmtpReply.of(550, "5.7.1", "From header field does not match the verified sender"
                        + " batch1@example.com")), stop.disposition());
        assertEquals("REJECT", stop.mail().trace().get(1).decision());
    }

    @Test
    void processShouldLeaveEverythingAsItWasWhenFromDiffersUnderOff() throws StageException {
        MailObject result = next(VerifySenderStageTest.stage("off", OK).process(forged));

        assertEquals(forged.content(), result.content());
        assertEquals(1, result.trace().size());
    }

    @Test
    void processShouldChangeNothingWhenFromIsTheVerifiedSenderInAnotherCase() throws StageException {
        MailObject aligned = MailObjects.builder().from("batch1@EXAMPLE.com")
                .header("From", "Batch One <batch1@example.com> (nightly)").build();

        MailObject result = next(VerifySenderStageTest.stage("reject", OK).process(aligned));

        assertEquals(aligned.content(), result.content());
        assertEquals(1, result.trace().size());
    }

    @Test
    void processShouldKeepAnAgreeingSenderFieldWhenFromDiffersUnderAddSender() throws StageException {
        MailObject onBehalf = forged.withContent(forged.content().withHeaders(forged.content().headers()
                .with("Sender", "Batch <batch1@example.com>")));

        MailObject result = next(VerifySenderStageTest.stage("add-sender", OK).process(onBehalf));

        assertEquals(onBehalf.content(), result.content());
        assertEquals("ALIGNED", result.trace().get(1).decision());
    }

    @Test
    void processShouldAddFromWhenThereIsNoFromFieldUnderAddSender() throws StageException {
        MailObject noFrom = MailObjects.builder().from("batch1@example.com").header("Subject", "x").build();

        MailObject result = next(VerifySenderStageTest.stage("add-sender", OK).process(noFrom));

        assertEquals(Optional.of("batch1@example.com"), result.content().headers().first("From"));
    }

    @Test
    void processShouldNotAlignWhenTheReversePathIsTheNullPath() throws StageException {
        MailObject bounce = MailObjects.builder().nullSender().header("From", "MAILER-DAEMON@example.com").build();

        MailObject result = next(VerifySenderStageTest.stage("reject", OK).process(bounce));

        assertEquals(bounce.content(), result.content());
    }

    @Test
    void processShouldNeverPutJobOrUserDetailsIntoTheFieldsItAddsWhenAligning() throws StageException {
        for (String policy : List.of("add-sender", "rewrite")) {
            MailObject result = next(VerifySenderStageTest.stage(policy, OK).process(forged));

            String headers = result.content().headers().fields().toString();
            for (String detail : List.of("OPER7", "PAYROLL1", "JOB01234", "SYS1")) {
                assertEquals(-1, headers.indexOf(detail), policy + " leaked " + detail + ": " + headers);
            }
        }
    }

    private static MailObject next(StageOutcome outcome) {
        return assertInstanceOf(StageOutcome.Next.class, outcome).mail();
    }
}
