package org.spoolmail.plugins.deliver.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MessageWriter;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.WireOptions;

class OutboxDeliveryStageTest {

    @TempDir
    Path base;

    @Test
    void processShouldWriteTheWritersOctetsWhenDelivering() throws Exception {
        MailObject mail = mail("Q0000001");

        StageOutcome outcome = stage(Map.of("directory", "outbox")).process(mail);

        Path eml = base.resolve("outbox/Q0000001.eml");
        byte[] expected = written(mail, WireOptions.SEVEN_BIT);
        assertArrayEquals(expected, Files.readAllBytes(eml));
        assertEquals(Optional.of(Long.toString(expected.length)), outcome.mail().attributes().get("size-octets"));
        assertEquals(Optional.of(eml.toString()), outcome.mail().attributes().get("outbox-file"));
    }

    @Test
    void processShouldStopDeliveredWithEveryRecipientAcceptedWhenWritten() throws Exception {
        MailObject mail = mail("Q0000001");

        StageOutcome.Stop stop = assertInstanceOf(StageOutcome.Stop.class,
                stage(Map.of("directory", "outbox")).process(mail));

        assertEquals(Disposition.Kind.DELIVERED, stop.disposition().kind());
        assertEquals(Optional.empty(), stop.disposition().reply());
        assertEquals(List.of(accepted("hr.reports@example.com"), accepted("audit@example.com")),
                stop.disposition().recipients());
    }

    @Test
    void processShouldWriteEnvelopeBesideTheMessageWhenDelivering() throws Exception {
        stage(Map.of("directory", "outbox")).process(mail("Q0000001"));

        assertEquals("MAIL FROM:<batch@node1.example.com>\nRCPT TO:<hr.reports@example.com>\n"
                        + "RCPT TO:<audit@example.com>\n",
                Files.readString(base.resolve("outbox/Q0000001.envelope"), StandardCharsets.UTF_8));
        assertEquals(List.of("Q0000001.eml", "Q0000001.envelope"), names(base.resolve("outbox")));
    }

    @Test
    void processShouldCreateNestedFolderWhenMissing() throws Exception {
        stage(Map.of("directory", "a/b/outbox")).process(mail("Q0000002"));

        assertEquals(List.of("Q0000002.eml", "Q0000002.envelope"), names(base.resolve("a/b/outbox")));
    }

    @Test
    void processShouldCreateOwnerOnlyFilesAndFoldersWhenTheFileSystemHasPosixPermissions() throws Exception {
        Assumptions.assumeTrue(base.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions only");

        stage(Map.of("directory", "a/outbox")).process(mail("Q0000002"));

        assertEquals("rwx------", permissions(base.resolve("a")));
        assertEquals("rwx------", permissions(base.resolve("a/outbox")));
        assertEquals("rw-------", permissions(base.resolve("a/outbox/Q0000002.eml")));
        assertEquals("rw-------", permissions(base.resolve("a/outbox/Q0000002.envelope")));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @ParameterizedTest
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void processShouldPassConfiguredWireOptionsWhenWriting(boolean eightBit, boolean utf8) throws Exception {
        MailObject mail = mail("Q0000003");

        stage(Map.of("directory", "outbox", "eight-bit-mime", eightBit, "smtputf8", utf8)).process(mail);

        assertArrayEquals(written(mail, new WireOptions(eightBit, utf8)),
                Files.readAllBytes(base.resolve("outbox/Q0000003.eml")));
    }

    @Test
    void processShouldThrowTransientNamingTheFolderWhenFolderCannotBeMade() throws Exception {
        Files.writeString(base.resolve("blocked"), "a file, not a folder", StandardCharsets.US_ASCII);

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stage(Map.of("directory", "blocked/outbox")).process(mail("Q0000004")));

        assertTrue(e.getMessage().startsWith("outbox " + base.resolve("blocked/outbox") + ": cannot write "
                + "Q0000004.eml: "), e.getMessage());
    }

    @Test
    void processShouldRefuseIdWhenItWouldLeaveTheFolder() throws Exception {
        PermanentStageException e = assertThrows(PermanentStageException.class,
                () -> stage(Map.of("directory", "outbox")).process(mail("../escape")));

        assertEquals("mail id '../escape' cannot name a file in the outbox (allowed: letters, digits, '.', '_', "
                + "'-'; not leading '.')", e.getMessage());
        assertEquals(List.of(), names(base));
    }

    @Test
    void initShouldFailWhenDirectoryIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FakeStageContext.of(new OutboxDeliveryStage(), Map.of(), base));

        assertEquals("config.directory: required key is missing (text)", e.getMessage());
    }

    private OutboxDeliveryStage stage(Map<String, Object> config) throws StageException {
        OutboxDeliveryStage stage = new OutboxDeliveryStage();
        stage.init(FakeStageContext.of(stage, config, base));
        return stage;
    }

    private static MailObject mail(String id) {
        return TextMails.withTextBody(MailObjects.builder().id(id).from("batch@node1.example.com")
                        .to("hr.reports@example.com").to("audit@example.com")
                        .header("From", "batch@node1.example.com").header("Subject", "Gr\u00fc\u00dfe vom Lauf PR01"),
                List.of("Totals:", ".", "..", ".HIDDEN", "\u00e9t\u00e9"));
    }

    private static byte[] written(MailObject mail, WireOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageWriter.write(mail.content(), out, options);
        return out.toByteArray();
    }

    private static RecipientResult accepted(String address) {
        return new RecipientResult(ForwardPath.parse(address), RecipientResult.Status.ACCEPTED, Optional.empty());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
