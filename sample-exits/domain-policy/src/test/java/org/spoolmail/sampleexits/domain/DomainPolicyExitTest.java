package org.spoolmail.sampleexits.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.SmtpReply;

class DomainPolicyExitTest {

    private static final Map<String, Object> SENDERS = Map.of(
            "allow-sender-domains", List.of("example.com", "*.example.com"),
            "deny-sender-domains", List.of("legacy.example.com"));

    @Test
    void decideShouldContinueWhenTheSenderDomainMatchesAWildcardIgnoringCase() throws Exception {
        MailObject mail = MailObjects.builder().from("batch@Reports.EXAMPLE.com")
                .header("From", "Batch <batch@example.com>").build();

        assertEquals(new ExitDecision.Continue("sender domain allowed; recipient domains not checked"),
                exit(SENDERS).decide(mail));
    }

    @Test
    void decideShouldRejectWhenTheSenderDomainIsDeniedThoughAWildcardAllowsIt() throws Exception {
        MailObject mail = MailObjects.builder().from("batch@legacy.example.com").build();

        assertEquals(reject("sender domain legacy.example.com is not allowed",
                "sender domain legacy.example.com is not allowed: batch@legacy.example.com (reverse-path) matches"
                        + " the denied pattern legacy.example.com"), exit(SENDERS).decide(mail));
    }

    @Test
    void decideShouldRejectWhenTheWildcardWouldOnlyMatchAsASuffix() throws Exception {
        MailObject mail = MailObjects.builder().from("batch@badexample.com").build();

        assertEquals(reject("sender domain badexample.com is not allowed",
                "sender domain badexample.com is not allowed: batch@badexample.com (reverse-path) matches no"
                        + " allowed pattern"), exit(SENDERS).decide(mail));
    }

    @Test
    void decideShouldRejectWhenTheFromAddressHasAForeignDomain() throws Exception {
        MailObject mail = MailObjects.builder().nullSender().header("From", "\"CEO\" <ceo@example.net>").build();

        assertEquals(reject("sender domain example.net is not allowed",
                "sender domain example.net is not allowed: ceo@example.net (From header field) matches no allowed"
                        + " pattern"), exit(SENDERS).decide(mail));
    }

    @Test
    void decideShouldRejectWhenADeniedAddressHidesInAGroupInFrom() throws Exception {
        MailObject mail = MailObjects.builder().nullSender()
                .header("From", "Batch <batch@example.com>, Team: a@legacy.example.com;").build();

        assertEquals(reject("sender domain legacy.example.com is not allowed",
                "sender domain legacy.example.com is not allowed: a@legacy.example.com (From header field) matches"
                        + " the denied pattern legacy.example.com"), exit(SENDERS).decide(mail));
    }

    @Test
    void decideShouldRejectWhenTheFromFieldHoldsOnlyAComment() throws Exception {
        MailObject mail = MailObjects.builder().nullSender().header("From", "(nobody)").build();

        assertEquals(reject("sender (nobody) has no domain",
                "sender (nobody) has no domain: (nobody) (From header field) matches no allowed pattern"),
                exit(SENDERS).decide(mail));
    }

    @Test
    void decideShouldRejectTheMailWhenARecipientDomainIsDeniedInRejectMode() throws Exception {
        MailObject mail = MailObjects.builder().to("a@example.com").to("b@mail.competitor.com").build();

        assertEquals(reject("recipient domain mail.competitor.com is not allowed",
                "recipient domain mail.competitor.com is not allowed: <b@mail.competitor.com> (recipient domain"
                        + " mail.competitor.com matches the denied pattern *.competitor.com)"),
                exit(Map.of("deny-recipient-domains", List.of("*.competitor.com"))).decide(mail));
    }

    @Test
    void decideShouldDropTheRefusedRecipientsWhenDropModeLeavesSomeone() throws Exception {
        MailObject mail = MailObjects.builder().to("a@example.com").to("b@gmail.com").to("c@Example.COM").build();

        assertEquals(ExitDecision.dropRecipients(List.of(ForwardPath.parse("b@gmail.com")),
                "recipient domain gmail.com matches no allowed pattern"),
                exit(Map.of("allow-recipient-domains", List.of("example.com"), "recipients", "drop")).decide(mail));
    }

    @Test
    void decideShouldRejectWhenDropModeWouldLeaveNoRecipient() throws Exception {
        MailObject mail = MailObjects.builder().to("a@gmail.com").to("b@yahoo.com").build();

        assertEquals(reject("2 of 2 recipient domains are not allowed", "2 of 2 recipient domains are not allowed:"
                + " <a@gmail.com> (recipient domain gmail.com matches no allowed pattern), <b@yahoo.com> (recipient"
                + " domain yahoo.com matches no allowed pattern)"),
                exit(Map.of("allow-recipient-domains", List.of("example.com"), "recipients", "drop")).decide(mail));
    }

    @Test
    void decideShouldContinueNamingTheDomainsWhenEveryRecipientIsAllowed() throws Exception {
        MailObject mail = MailObjects.builder().to("a@example.com").to("b@hr.example.com").build();

        assertEquals(new ExitDecision.Continue("recipient domains allowed: example.com, hr.example.com"),
                exit(Map.of("allow-recipient-domains", List.of("example.com", "*.example.com"))).decide(mail));
    }

    @Test
    void initShouldFailWhenNoDomainListIsConfigured() {
        DomainPolicyExit exit = new DomainPolicyExit();
        PermanentStageException e = assertThrows(PermanentStageException.class,
                () -> exit.init(FakeStageContext.of(exit, Map.of("recipients", "drop"), Path.of("."))));

        assertEquals("no domain list is configured: give allow-sender-domains, deny-sender-domains,"
                + " allow-recipient-domains or deny-recipient-domains", e.getMessage());
    }

    @Test
    void configShouldBeRefusedWhenAPatternIsNotADomain() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FakeStageContext.of(
                new DomainPolicyExit(), Map.of("deny-sender-domains", List.of("evil.org", "x@evil.org")),
                Path.of(".")));

        assertEquals("config.deny-sender-domains: 'x@evil.org' is not a domain pattern such as example.com or"
                + " *.example.com (expected a list of domain patterns such as *.example.com)", e.getMessage());
    }

    @Test
    void configShouldBeRefusedWhenAPatternUsesBracketsAsACharacterClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FakeStageContext.of(
                new DomainPolicyExit(), Map.of("allow-recipient-domains", List.of("[a-z]*")), Path.of(".")));

        assertEquals("config.allow-recipient-domains: '[a-z]*' is not a domain pattern such as example.com or"
                + " *.example.com (expected a list of domain patterns such as *.example.com)", e.getMessage());
    }

    @Test
    void decideShouldContinueWhenARecipientAddressLiteralMatchesALiteralPattern() throws Exception {
        MailObject mail = MailObjects.builder().to("ops@[192.0.2.7]").build();

        assertEquals(new ExitDecision.Continue("recipient domains allowed: [192.0.2.7]"),
                exit(Map.of("allow-recipient-domains", List.of("[192.0.2.*]"))).decide(mail));
    }

    private static ExitDecision reject(String text, String reason) {
        return ExitDecision.reject(SmtpReply.of(550, "5.7.1", text), reason);
    }

    private static DomainPolicyExit exit(Map<String, Object> raw) throws PermanentStageException {
        DomainPolicyExit exit = new DomainPolicyExit();
        exit.init(FakeStageContext.of(exit, raw, Path.of(".")));
        return exit;
    }
}
