package org.spoolmail.plugins.parse.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.MailObject;

/** What may follow QUIT: a new session (concatenated job steps) or nothing; never records dropped silently. */
class SmtpDatastreamParserQuitTest {

    @TempDir
    Path base;

    @Test
    void parseShouldReadBothSessionsWhenHeloFollowsQuit() throws Exception {
        List<MailObject> mail = Inputs.parser(Map.of(), base).parse(Inputs.ascii("job.smtp",
                "HELO STEP1", "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA", "Subject: one", "",
                "first", ".", "QUIT", "", "EHLO STEP2", "MAIL FROM:<c@example.com>", "RCPT TO:<d@example.com>",
                "DATA", "Subject: two", "", "second", ".", "QUIT"));

        assertEquals(List.of("<a@example.com> -> [<b@example.com>]", "<c@example.com> -> [<d@example.com>]"),
                mail.stream().map(m -> m.envelope().reversePath() + " -> " + m.envelope().forwardPaths()).toList());
        assertEquals(List.of("2", "12"), mail.stream().map(m -> m.attributes().get("input-record").orElseThrow())
                .toList());
    }

    @Test
    void parseShouldRefuseNamingTheRecordWhenATransactionFollowsQuitWithoutHelo() {
        PermanentStageException e = assertThrows(PermanentStageException.class, () -> Inputs.parser(Map.of(), base)
                .parse(Inputs.ascii("job.smtp", "HELO NODE1", "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>",
                        "DATA", "Subject: one", "", "first", ".", "QUIT", "MAIL FROM:<c@example.com>",
                        "RCPT TO:<d@example.com>", "DATA", "Subject: two", "", "second", ".")));

        assertEquals("job.smtp record 10: 'MAIL FROM:<c@example.com>' after the QUIT at record 9: only HELO or EHLO"
                + " may start a new session there", e.getMessage());
    }

    @Test
    void parseShouldTraceEachRecordAfterQuitWhenWithinMaxSyntaxErrors() throws Exception {
        List<MailObject> mail = Inputs.parser(Map.of("max-syntax-errors", "2"), base).parse(Inputs.ascii("job.smtp",
                "HELO NODE1", "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA", "", "x", ".", "QUIT",
                "NOOP", "", "stray text"));

        assertEquals(List.of("parse SKIPPED job.smtp record 9: 'NOOP' after the QUIT at record 8: only HELO or EHLO"
                + " may start a new session there", "parse SKIPPED job.smtp record 11: 'stray text' after the QUIT at"
                + " record 8: only HELO or EHLO may start a new session there"),
                mail.get(0).trace().stream().map(t -> t.stage() + " " + t.decision() + " " + t.reason()).toList());
    }

    @Test
    void parseShouldRefuseWhenQuitComesBeforeTheDataOfAnOpenTransaction() {
        PermanentStageException e = assertThrows(PermanentStageException.class, () -> Inputs.parser(Map.of(), base)
                .parse(Inputs.ascii("job.smtp", "HELO NODE1", "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>",
                        "QUIT", "HELO NODE2")));

        assertEquals("job.smtp record 2: QUIT at record 4 before the DATA of this MAIL FROM", e.getMessage());
    }
}
