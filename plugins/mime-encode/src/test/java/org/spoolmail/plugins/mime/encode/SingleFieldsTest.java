package org.spoolmail.plugins.mime.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecordFormat;

/** RFC 5322 section 3.6: Date, From, Sender, Reply-To, To, Cc, Bcc, Message-ID, In-Reply-To, References, Subject once. */
class SingleFieldsTest {

    @TempDir
    Path base;

    @Test
    void processShouldRefuseNamingFieldAndCountWhenSubjectOccursTwice() throws Exception {
        MailObject mail = MailObjects.builder().id("m1").from("a@example.com").to("b@example.com")
                .header("Subject", "one").header("SUBJECT", "two").body("x").build();

        PermanentStageException e = assertThrows(PermanentStageException.class, () -> stage().process(mail));

        assertEquals("mail m1: header field Subject occurs 2 times; RFC 5322 section 3.6 allows one", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Date", "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Message-ID", "In-Reply-To",
        "References"})
    void processShouldRefuseWhenASingleOccurrenceFieldOccursThreeTimes(String name) throws Exception {
        MailObject mail = MailObjects.builder().id("m2").from("a@example.com").to("b@example.com")
                .header(name, "<x@example.com>").header(name, "<y@example.com>").header(name, "<z@example.com>")
                .body("x").build();

        PermanentStageException e = assertThrows(PermanentStageException.class, () -> stage().process(mail));

        assertEquals("mail m2: header field " + name + " occurs 3 times; RFC 5322 section 3.6 allows one",
                e.getMessage());
    }

    @Test
    void processShouldPassEveryCorpusMessageWhenEachFieldOccursOnce() throws Exception {
        List<MailObject> corpus = new java.util.ArrayList<>();
        corpus.addAll(SpoolFixture.messages("claims-rset-multi.smtp", RecordFormat.LF, Ccsid.UTF_8));
        corpus.addAll(SpoolFixture.messages("inventory-no-separator.smtp", RecordFormat.LF, Ccsid.UTF_8));
        for (MailObject mail : corpus) {
            StageOutcome outcome = stage().process(mail);
            assertEquals(mail.id(), outcome.mail().id());
        }
        assertEquals(3, corpus.size());
    }

    private MimeEncodeStage stage() throws Exception {
        MimeEncodeStage stage = new MimeEncodeStage();
        stage.init(FakeStageContext.of(stage, Map.of(), base));
        return stage;
    }
}
