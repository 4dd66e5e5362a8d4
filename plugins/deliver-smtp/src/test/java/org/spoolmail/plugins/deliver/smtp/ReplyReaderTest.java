package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.mail.SmtpReply;

class ReplyReaderTest {

    @Test
    void readShouldJoinLinesWhenReplyIsMultiLine() throws IOException {
        ServerReply reply = reader("250-relay.example.com hello\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n").read();

        assertEquals(new ServerReply(250, List.of("relay.example.com hello", "8BITMIME", "SMTPUTF8")), reply);
    }

    @Test
    void readShouldSplitEnhancedStatusWhenClassMatches() throws IOException {
        SmtpReply reply = reader("550 5.1.1 no such user\r\n").read().toSmtpReply();

        assertEquals(new SmtpReply(550, Optional.of("5.1.1"), "no such user"), reply);
        assertEquals("550 5.1.1 no such user", reply.toString());
    }

    @Test
    void readShouldKeepStatusInTextWhenClassDiffers() throws IOException {
        SmtpReply reply = reader("250 5.1.1 odd\r\n").read().toSmtpReply();

        assertEquals(new SmtpReply(250, Optional.empty(), "5.1.1 odd"), reply);
    }

    @Test
    void readShouldStripStatusFromEveryLineWhenMultiLineRefusal() throws IOException {
        SmtpReply reply = reader("554-5.7.1 policy\r\n554 5.7.1 see http://x\r\n").read().toSmtpReply();

        assertEquals("554 5.7.1 policy see http://x", reply.toString());
    }

    @Test
    void readShouldAcceptBareCodeAndLfOnlyWhenRelayIsSloppy() throws IOException {
        ReplyReader reader = reader("354\n221 bye\n");

        assertEquals(new ServerReply(354, List.of("")), reader.read());
        assertEquals(new ServerReply(221, List.of("bye")), reader.read());
    }

    @Test
    void readShouldShowControlCharactersAsQuestionMarksWhenTextHoldsThem() throws IOException {
        SmtpReply reply = reader("250 ok\u0007\u0085done\r\n").read().toSmtpReply();

        assertEquals("ok??done", reply.text());
    }

    @Test
    void readShouldFailWhenCodeChangesMidReply() {
        IOException e = assertThrows(IOException.class, () -> reader("250-a\r\n251 b\r\n").read());

        assertEquals("SMTP reply changes its code from 250 to 251", e.getMessage());
    }

    @Test
    void readShouldFailWhenLineIsNotAReply() {
        IOException e = assertThrows(IOException.class, () -> reader("hello\r\n").read());

        assertEquals("malformed SMTP reply line: 'hello'", e.getMessage());
    }

    @Test
    void readShouldFailWhenConnectionEndsMidReply() {
        IOException e = assertThrows(IOException.class, () -> reader("250-a\r\n").read());

        assertEquals("the smart host closed the connection", e.getMessage());
    }

    private static ReplyReader reader(String text) {
        return new ReplyReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
