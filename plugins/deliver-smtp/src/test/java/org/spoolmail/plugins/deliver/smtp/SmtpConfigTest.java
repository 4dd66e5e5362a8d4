package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.fake.FakeStageContext;

class SmtpConfigTest {

    @TempDir
    Path base;

    @Test
    void defaultHeloNameShouldTakeTheQualifiedCanonicalNameWhenReverseLookupGivesOne() {
        assertEquals("mvs1.example.com", SmtpConfig.defaultHeloName("mvs1", "mvs1.example.com"));
    }

    @Test
    void defaultHeloNameShouldKeepTheHostNameWhenReverseLookupSaysLocalhost() {
        assertEquals("vm", SmtpConfig.defaultHeloName("vm", "localhost"));
        assertEquals("vm", SmtpConfig.defaultHeloName("vm", "localhost.localdomain"));
    }

    @Test
    void defaultHeloNameShouldKeepTheHostNameWhenReverseLookupGivesOnlyAnAddress() {
        assertEquals("batch7", SmtpConfig.defaultHeloName("batch7", "10.1.2.3"));
    }

    @Test
    void readShouldTakeThePasswordFromTheFileWithoutItsTrailingNewlineWhenPasswordFileIsSet() throws Exception {
        ownerOnly(Files.writeString(base.resolve("relay.pw"), " s3cret pass\n", StandardCharsets.UTF_8));

        SmtpSettings settings = read(Map.of("password-file", "relay.pw"));

        assertEquals(" s3cret pass", settings.password().orElseThrow().reveal());
    }

    @Test
    void readShouldStripACrlfLineEndWhenThePasswordFileHasOne() throws Exception {
        ownerOnly(Files.writeString(base.resolve("relay.pw"), "s3cret\r\n", StandardCharsets.UTF_8));

        assertEquals("s3cret", read(Map.of("password-file", "relay.pw")).password().orElseThrow().reveal());
    }

    @Test
    void readShouldRefuseNamingThePermissionsWhenThePasswordFileIsGroupReadable() throws Exception {
        Path file = Files.writeString(base.resolve("relay.pw"), "s3cret\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> read(Map.of("password-file", "relay.pw")));

        assertEquals("password-file " + file + " is open to its group or others (rw-r-----); credentials must be in"
                + " a file readable by its owner only: chmod 600 " + file, e.getMessage());
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void readShouldRefuseAtOnceWhenThePasswordFileIsAFifo() throws Exception {
        Path fifo = base.resolve("relay.pw");
        assertEquals(0, new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).inheritIO().start().waitFor());

        TransientStageException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10), () -> assertThrows(TransientStageException.class,
                        () -> read(Map.of("password-file", "relay.pw"))));

        assertEquals("password-file " + fifo + " cannot be read: not a regular file (a FIFO, device or socket)",
                e.getMessage());
    }

    @Test
    void readShouldRefuseWhenThePasswordFileIsWorldReadable() throws Exception {
        Path file = Files.writeString(base.resolve("relay.pw"), "s3cret\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> read(Map.of("password-file", "relay.pw")));

        assertEquals("password-file " + file + " is open to its group or others (rw----r--); credentials must be in"
                + " a file readable by its owner only: chmod 600 " + file, e.getMessage());
    }

    @Test
    void readShouldRefuseWithoutShowingTheContentWhenThePasswordFileHoldsTwoLines() throws Exception {
        Path file = ownerOnly(Files.writeString(base.resolve("relay.pw"), "s3cret\nsecond\n", StandardCharsets.UTF_8));

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> read(Map.of("password-file", "relay.pw")));

        assertEquals("password-file " + file + " holds more than one line; it must hold the password alone on one"
                + " line", e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void readShouldRefuseWhenThePasswordFileHoldsOnlyALineEnd() throws Exception {
        Path file = ownerOnly(Files.writeString(base.resolve("relay.pw"), "\n", StandardCharsets.UTF_8));

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> read(Map.of("password-file", "relay.pw")));

        assertEquals("password-file " + file + " holds no password", e.getMessage());
    }

    @Test
    void readShouldRefuseWhenThePasswordFileIsMissing() {
        TransientStageException e = assertThrows(TransientStageException.class,
                () -> read(Map.of("password-file", "relay.pw")));

        assertEquals("password-file " + base.resolve("relay.pw") + " cannot be read: no such file", e.getMessage());
    }

    @Test
    void readShouldRefuseWhenBothPasswordEnvAndPasswordFileAreSet() throws Exception {
        ownerOnly(Files.writeString(base.resolve("relay.pw"), "s3cret\n", StandardCharsets.UTF_8));

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> read(Map.of("password-file", "relay.pw", "password-env", "PW")));

        assertEquals("name the AUTH password with either password-env or password-file, not both", e.getMessage());
    }

    @Test
    void readShouldTakeTheDefaultVariableWhenNeitherPasswordKeyIsSet() throws Exception {
        assertEquals("from-env", read(Map.of()).password().orElseThrow().reveal());
    }

    private SmtpSettings read(Map<String, Object> password) throws StageException {
        Map<String, Object> config = new HashMap<>(Map.of("host", "127.0.0.1", "auth-mechanism", "plain",
                "username", "batchmail", "helo-name", "mvs1.example.com"));
        config.putAll(password);
        SmtpDeliveryStage stage = new SmtpDeliveryStage(name -> null);
        return new SmtpConfig(name -> name.equals("SPOOLMAIL_SMTP_PASSWORD") ? "from-env" : null)
                .read(FakeStageContext.of(stage, config, base));
    }

    private static Path ownerOnly(Path file) throws Exception {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
