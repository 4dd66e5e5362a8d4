package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MessageWriter;
import org.spoolmail.exits.mail.WireOptions;

/** The exact octets of the DATA section, as the relay receives them. */
class SmtpWireTest {

    @TempDir
    Path base;

    private final List<SmtpDeliveryStage> opened = new ArrayList<>();

    private FakeSmtpServer relay;

    @AfterEach
    void stopRelay() throws IOException {
        opened.forEach(SmtpDeliveryStage::close);
        relay.close();
    }

    @Test
    void processShouldSendWriterOctetsDotStuffedAndTerminatedWhenRelayOffers8BitMime() throws Exception {
        relay = new FakeSmtpServer(c -> null);
        MailObject mail = SmtpDeliveryStageTest.mail("a@example.com");

        StageOutcome outcome = stage().process(mail);

        String written = written(mail, new WireOptions(true, false));
        String expected = written.replace("\r\n.", "\r\n..") + ".\r\n";
        assertEquals(expected, new String(relay.data().get(0), StandardCharsets.ISO_8859_1));
        assertEquals(Optional.of(Integer.toString(written.length())), outcome.mail().attributes().get("size-octets"));
        assertEquals(Optional.of("250 2.0.0 Ok: queued as 4XYZ"), outcome.mail().attributes().get("relay-reply"));
    }

    @Test
    void processShouldDoubleEveryLeadingDotWhenBodyLinesStartWithDots() throws Exception {
        relay = new FakeSmtpServer(c -> null);

        stage().process(SmtpDeliveryStageTest.mail("a@example.com"));

        String data = new String(relay.data().get(0), StandardCharsets.ISO_8859_1);
        assertEquals("\r\nTotals\r\n..\r\n...\r\n..HIDDEN\r\n.\r\n", data.substring(data.indexOf("\r\n\r\n") + 2));
        assertEquals(List.of(), data.lines().filter(l -> l.startsWith(".") && !l.startsWith("..")
                && !l.equals(".")).toList());
    }

    private SmtpDeliveryStage stage() throws Exception {
        SmtpDeliveryStage stage = new SmtpDeliveryStage(name -> null);
        opened.add(stage);
        stage.init(FakeStageContext.of(stage, Map.of("host", "127.0.0.1", "port", relay.port()), base));
        return stage;
    }

    private static String written(MailObject mail, WireOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageWriter.write(mail.content(), out, options);
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
