package org.spoolmail.plugins.deliver.outbox;

import java.util.List;
import java.util.Map;

import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.contract.MailStageContract;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.MailObject;

/** The stage SPI contract: translated mail objects written to an outbox folder under the test's base folder. */
class OutboxDeliveryContractTest extends MailStageContract {

    @Override
    protected MailStage newExtension() {
        return new OutboxDeliveryStage();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("directory", "outbox", "eight-bit-mime", "true");
    }

    @Override
    protected List<MailObject> sampleMail() {
        MailObject report = TextMails.withTextBody(MailObjects.builder().from("batch@example.com")
                .to("hr.reports@example.com").to("audit@example.com")
                .header("From", "Batch Mailer <batch@example.com>")
                .header("Subject", "Gr\u00fc\u00dfe: Lauf PR01 [Woche 48]"), List.of("Totals", ".", ".HIDDEN"));
        MailObject bounce = TextMails.withTextBody(MailObjects.builder().nullSender().to("ops@example.net")
                .header("From", "Mail Delivery <postmaster@example.com>").id("TEST0002"),
                List.of("The message could not be delivered."));
        return List.of(report, bounce);
    }
}
