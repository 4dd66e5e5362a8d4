package org.spoolmail.plugins.mime.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.MailObject;

class HeaderCompletionTest {

    @TempDir
    Path base;

    private MailObject encode(MailObject mail, Map<String, Object> config) throws Exception {
        MimeEncodeStage stage = new MimeEncodeStage();
        stage.init(FakeStageContext.of(stage, config, base));
        return stage.process(mail).mail();
    }

    @Test
    void processShouldWriteDateInConfiguredZoneWhenDateZoneIsSet() throws Exception {
        MailObject out = encode(MailObjects.builder().build(), Map.of("date-zone", "Europe/Berlin"));

        assertEquals(Optional.of("Mon, 30 Nov 2026 10:00:00 +0100"), out.content().headers().first("Date"));
    }

    @Test
    void processShouldTakeReversePathDomainForMessageIdWhenNoDomainIsConfigured() throws Exception {
        MailObject out = encode(MailObjects.builder().from("job@payroll.example.net").build(), Map.of());

        assertTrue(out.content().headers().first("Message-ID").orElseThrow()
                .matches("<20261130090000\\.[0-9a-f]{16}@payroll\\.example\\.net>"));
    }

    @Test
    void processShouldUseLocalhostForMessageIdWhenReversePathIsNull() throws Exception {
        MailObject out = encode(MailObjects.builder().nullSender().build(), Map.of());

        assertTrue(out.content().headers().first("Message-ID").orElseThrow()
                .matches("<20261130090000\\.[0-9a-f]{16}@localhost>"));
    }

    @Test
    void processShouldUseConfiguredDomainForMessageIdWhenGiven() throws Exception {
        MailObject out = encode(MailObjects.builder().build(), Map.of("message-id-domain", "mail.example.com"));

        assertTrue(out.content().headers().first("Message-ID").orElseThrow()
                .matches("<20261130090000\\.[0-9a-f]{16}@mail\\.example\\.com>"));
    }

    @Test
    void processShouldKeepExistingFieldsVerbatimAndNoteObsoleteDateWhenPresent() throws Exception {
        MailObject mail = MailObjects.builder().header("From", "Payroll <payroll@example.com>")
                .header("Date", "Mon, 07 Sep 98 02:15:00 PST")
                .header("Message-ID", "<abc@host.example>").header("MIME-Version", "1.0").build();

        MailObject out = encode(mail, Map.of());

        assertEquals(List.of(new HeaderField("From", "Payroll <payroll@example.com>"),
                new HeaderField("Date", "Mon, 07 Sep 98 02:15:00 PST"),
                new HeaderField("Message-ID", "<abc@host.example>"), new HeaderField("MIME-Version", "1.0")),
                out.content().headers().fields());
        assertEquals("1 part; added nothing; Date 'Mon, 07 Sep 98 02:15:00 PST' uses the obsolete syntax of"
                + " RFC 5322 section 4.3 (or none), kept verbatim", out.trace().get(0).reason());
    }

    @Test
    void processShouldAddMimeVersionDateAndMessageIdInThatOrderWhenAllAreMissing() throws Exception {
        MailObject out = encode(MailObjects.builder().header("From", "sender@example.org").header("Subject", "x")
                .build(), Map.of());

        assertEquals(List.of("From", "Subject", "MIME-Version", "Date", "Message-ID"),
                out.content().headers().fields().stream().map(HeaderField::name).toList());
        assertEquals("1 part; added MIME-Version, Date, Message-ID", out.trace().get(0).reason());
    }

    @Test
    void processShouldAddFromTakenFromTheReversePathAndNoteItWhenTheMessageHasNoFrom() throws Exception {
        MailObject mail = MailObjects.builder().from("payroll.batch@example.com").header("To", "hr@example.com")
                .header("Subject", "PR01").build();

        MailObject out = encode(mail, Map.of());

        assertEquals(List.of("payroll.batch@example.com"), out.content().headers().all("From"));
        assertEquals("1 part; added MIME-Version, From, Date, Message-ID; From payroll.batch@example.com taken from"
                + " the reverse-path <payroll.batch@example.com> (the message had none; RFC 5322 section 3.6"
                + " requires one)", out.trace().get(0).reason());
    }

    @Test
    void processShouldAddFromMailerDaemonAtTheMessageIdDomainWhenTheReversePathIsNull() throws Exception {
        MailObject out = encode(MailObjects.builder().nullSender().build(), Map.of("message-id-domain",
                "mail.example.com"));

        assertEquals(List.of("MAILER-DAEMON@mail.example.com"), out.content().headers().all("From"));
    }

    @Test
    void processShouldKeepFromWhenTheMessageHasOne() throws Exception {
        MailObject out = encode(MailObjects.builder().from("bounce@example.com")
                .header("From", "\"Payroll\" <payroll@example.com>").build(), Map.of());

        assertEquals(List.of("\"Payroll\" <payroll@example.com>"), out.content().headers().all("From"));
    }

    @Test
    void initShouldRefuseDomainWhenItHoldsBlanks() {
        MimeEncodeStage stage = new MimeEncodeStage();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FakeStageContext.of(stage, Map.of("message-id-domain", "bad domain"), base));

        assertEquals("config.message-id-domain: 'bad domain' is not a domain name (expected a domain such as"
                + " mail.example.com)", e.getMessage());
    }

    @Test
    void processShouldRemoveBccAndResentBccWhenTheHeaderSectionHoldsThem() throws Exception {
        MailObject mail = MailObjects.builder().from("job@example.com").to("a@example.com")
                .header("From", "job@example.com").header("To", "a@example.com").header("bcc", "spy@example.com").header("Resent-Bcc", "x@example.com")
                .header("Resent-To", "r@example.com").header("RESENT-BCC", "other@example.com").build();

        MailObject out = encode(mail, Map.of());

        assertEquals(List.of(new HeaderField("From", "job@example.com"), new HeaderField("To", "a@example.com"),
                new HeaderField("Resent-To", "r@example.com")), out.content().headers().fields().subList(0, 3));
        assertEquals(List.of(), out.content().headers().all("Bcc"));
        assertEquals(List.of(), out.content().headers().all("Resent-Bcc"));
        assertEquals("1 part; added MIME-Version, Date, Message-ID; removed Bcc (1), Resent-Bcc (2): blind copies"
                + " are not shown to the recipients", out.trace().get(0).reason());
    }
}
