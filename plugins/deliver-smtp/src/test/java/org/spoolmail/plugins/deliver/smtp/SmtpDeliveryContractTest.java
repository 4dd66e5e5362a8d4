package org.spoolmail.plugins.deliver.smtp;

import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.contract.MailStageContract;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.MailObject;

/**
 * The stage SPI contract against a real relay (GreenMail 2.1.13 on a free port): every sample, sequential or from
 * 8 threads at once through one stage and its session pool, must end DELIVERED as it does alone.
 */
class SmtpDeliveryContractTest extends MailStageContract {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Override
    protected MailStage newExtension() {
        return new SmtpDeliveryStage();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("host", "127.0.0.1", "port", Integer.toString(GREEN_MAIL.getSmtp().getPort()), "starttls", "off",
                "helo-name", "batch.example.org", "connect-timeout", "5s", "command-timeout", "10s");
    }

    @Override
    protected List<MailObject> sampleMail() {
        MailObject report = TextMails.withTextBody(MailObjects.builder().from("batch@example.com")
                .to("hr.reports@example.com").to("audit@example.com")
                .header("From", "Batch Mailer <batch@example.com>")
                .header("To", "hr.reports@example.com, audit@example.com")
                .header("Subject", "Gr\u00fc\u00dfe: Lauf PR01 [Woche 48]"), List.of("Totals", ".", ".HIDDEN"));
        MailObject bounce = TextMails.withTextBody(MailObjects.builder().nullSender().to("ops@example.net")
                .header("From", "Mail Delivery <postmaster@example.com>").header("Subject", "Undeliverable")
                .id("TEST0002"), List.of("The message could not be delivered."));
        return List.of(report, bounce);
    }
}
