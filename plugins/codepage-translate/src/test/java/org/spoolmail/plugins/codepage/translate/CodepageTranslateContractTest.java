package org.spoolmail.plugins.codepage.translate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.contract.MailStageContract;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * The stage SPI contract over the corpus payroll report (CCSID 1047, fixed 80-octet records) as a text part alone,
 * and in a multipart beside the inventory CSV (ISO-8859-1) and the payroll file's own octets as a base64 binary
 * part, as mime-encode leaves them.
 */
class CodepageTranslateContractTest extends MailStageContract {

    private static final Ccsid IBM1047 = Ccsid.of(1047);

    @Override
    protected MailStage newExtension() {
        return new CodepageTranslateStage();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("target-charset", "UTF-8", "strip-trailing-blanks", "true");
    }

    @Override
    protected List<MailObject> sampleMail() {
        try {
            List<byte[]> payroll = SpoolRecords.read("payroll-fb80-ibm1047.bin", RecordFormat.fixed(80));
            MimePart report = SpoolRecords.leaf("text/plain", null,
                    SpoolRecords.of(IBM1047, SpoolRecords.body(payroll, IBM1047.charset())));
            List<byte[]> inventory = SpoolRecords.read("inventory-no-separator.smtp", RecordFormat.LF);
            MimePart csv = SpoolRecords.leaf("text/csv; name=\"ELEMENTS.CSV\"", ContentTransferEncoding.SEVEN_BIT,
                    SpoolRecords.of(Ccsid.UTF_8, inventory.subList(inventory.size() - 4, inventory.size())));
            MimePart binary = MimePart.leaf(ContentType.parse("application/octet-stream; name=\"PAYROLL.BIN\""),
                    Optional.of(ContentTransferEncoding.BASE64), new PartBody.Binary(ContentHandle.ofBytes(
                            resource("payroll-fb80-ibm1047.bin"))));
            MimePart mixed = MimePart.multipart(ContentType.parse("multipart/mixed; boundary=\"b1\""),
                    List.of(report, csv, binary));
            return List.of(SpoolRecords.mail(report), SpoolRecords.mail(mixed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CodepageTranslateContractTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        }
    }
}
