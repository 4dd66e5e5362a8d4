package org.spoolmail.plugins.mime.encode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.contract.MailStageContract;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * The stage SPI contract over the corpus messages as the parser leaves them: the two RSET-opened claims messages
 * (hand-made quoted-printable, a multipart without its closing boundary) and the inventory message whose
 * hand-built multipart the stage divides into parts.
 */
class MimeEncodeContractTest extends MailStageContract {

    @Override
    protected MailStage newExtension() {
        return new MimeEncodeStage();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("message-id-domain", "mail.example.com", "date-zone", "Europe/Berlin");
    }

    @Override
    protected List<MailObject> sampleMail() {
        List<MailObject> corpus = new ArrayList<>();
        corpus.addAll(SpoolFixture.messages("claims-rset-multi.smtp", RecordFormat.LF, Ccsid.UTF_8));
        corpus.addAll(SpoolFixture.messages("inventory-no-separator.smtp", RecordFormat.LF, Ccsid.UTF_8));
        return corpus;
    }
}
