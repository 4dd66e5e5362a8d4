package org.spoolmail.sampleexits.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.SmtpReply;

/** A display name that shows a reader another address than the allowed mailbox is refused in both modes. */
class DisplayNameSpoofingTest {

    private static final List<Object> ENTRIES = List.of(Map.of("user", "OPS", "send-as", List.of("ops@example.com")));

    @Test
    void decideShouldRejectWhenFromDisplayNameIsAnotherAddress() {
        MailObject mail = ops().header("From", "\"ceo@example.com\" <ops@example.com>").build();

        assertEquals(spoofed("From", "ceo@example.com"), exit("verify").decide(mail));
    }

    @Test
    void decideShouldRejectWhenSenderDisplayNameHoldsAnotherAddressAmongWords() {
        MailObject mail = ops().header("Sender", "\"Board (ceo@example.com)\" <ops@example.com>").build();

        assertEquals(spoofed("Sender", "Board (ceo@example.com)"), exit("verify").decide(mail));
    }

    @Test
    void decideShouldRejectWhenReplyToDisplayNameIsAnotherAddressInReplaceMode() {
        MailObject mail = ops().header("Reply-To", "\"CEO@Example.com\" <ops@example.com>").build();

        assertEquals(spoofed("Reply-To", "CEO@Example.com"), exit("replace").decide(mail));
    }

    @Test
    void decideShouldContinueWhenDisplayNameRepeatsTheOwnAddress() {
        MailObject mail = ops().header("From", "\"OPS@example.com\" <ops@example.com>").build();

        assertEquals(new ExitDecision.Continue("OPS may send as ops@example.com"), exit("verify").decide(mail));
    }

    @Test
    void decideShouldContinueWhenAtSignStandsAlone() {
        MailObject mail = ops().header("From", "\"Operations @ HQ\" <ops@example.com>").build();

        assertEquals(new ExitDecision.Continue("OPS may send as ops@example.com"), exit("verify").decide(mail));
    }

    @Test
    void decideShouldRejectInReplaceModeWhenTheDisplayNameWouldNameTheReplacedAddress() {
        // As written the display name repeats its own mailbox; after the replacement it would read
        // "ceo@example.com" <ops@example.com>.
        MailObject mail = MailObjects.builder().identity(Identity.of("OPS", "SYS1", "test")).from("ceo@example.com")
                .header("From", "\"ceo@example.com\" <ceo@example.com>").build();

        assertEquals(spoofed("From", "ceo@example.com"), exit("replace").decide(mail));
    }

    @Test
    void decideShouldRejectWhenTheDisplayNameHoldsAFullWidthAtSign() {
        MailObject mail = ops().header("From", "\"ceo\uFF20example.com\" <ops@example.com>").build();

        assertEquals(spoofed("From", "ceo\uFF20example.com"), exit("verify").decide(mail));
    }

    @Test
    void decideShouldRejectWhenTheDisplayNameHoldsASmallAtSignAndAZeroWidthSpace() {
        MailObject mail = ops().header("From", "\"ceo\u200B\uFE6Bexample.com\" <ops@example.com>").build();

        assertEquals(spoofed("From", "ceo\u200B\uFE6Bexample.com"), exit("verify").decide(mail));
    }

    @Test
    void decideShouldContinueWhenTheReversePathQuotesALocalPartThatNeedsNoQuoting() {
        MailObject mail = MailObjects.builder().identity(Identity.of("OPS", "SYS1", "test"))
                .from("\"ops\"@EXAMPLE.com").header("From", "\"Ops\" <\"ops\"@example.com>").build();

        assertEquals(new ExitDecision.Continue("OPS may send as \"ops\"@EXAMPLE.com"), exit("verify").decide(mail));
    }

    private static ExitDecision spoofed(String field, String displayName) {
        String text = field + " header field display name '" + displayName + "' looks like another address";
        return ExitDecision.reject(SmtpReply.of(550, "5.7.1", text), text);
    }

    private static MailObjects.Builder ops() {
        return MailObjects.builder().identity(Identity.of("OPS", "SYS1", "test")).from("ops@example.com");
    }

    private static DirectorySenderExit exit(String mode) {
        DirectorySenderExit exit = new DirectorySenderExit();
        exit.init(FakeStageContext.of(exit, Map.of("mode", mode, "entries", ENTRIES), Path.of(".")));
        return exit;
    }
}
