package org.spoolmail.kernel.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.RecordFormat;

/** The directory spool against the contract, plus what only a folder has: drops, their owners, links. */
class DirectorySpoolTest extends SpoolQueueContract {

    @TempDir
    Path dir;

    @Override
    protected SpoolQueue open(Clock clock) throws Exception {
        return DirectorySpool.open(dir.resolve("spool"), clock);
    }

    private DirectorySpool spool() throws Exception {
        return DirectorySpool.open(dir.resolve("spool"), clock);
    }

    @Test
    void pickupShouldTakeDropWithItsOwnerAndClaimsAndRemoveItWhenWrittenBySubmit() throws Exception {
        DirectorySpool spool = spool();
        Submission claimed = new Submission("forged-user", true, Map.of("job-name", "PAYROLL"), "pay.smtp",
                Optional.of("smtp-datastream"), Ccsid.of(1047), RecordFormat.fixed(80), 0);
        new DropWriter(spool.dropFolder(), Long.MAX_VALUE).write("20261204T100000-aaaaaa-0001", claimed,
                new ByteArrayInputStream("MAIL FROM:<a@b>\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of("20261204T100000-aaaaaa-0001"), spool.pickup());
        QueueItem item = spool.claim(clock.instant()).orElseThrow();
        String owner = Files.getOwner(dir).getName();
        assertEquals(owner, item.submission().submitter());
        assertTrue(item.submission().established());
        assertEquals(Map.of("job-name", "PAYROLL"), item.submission().claims());
        assertEquals(RecordFormat.fixed(80), item.submission().records());
        assertEquals(1047, item.submission().ccsid().number());
        assertEquals(List.of(), SpoolFolders.names(spool.dropFolder()));
        assertEquals("MAIL FROM:<a@b>\n", Files.readString(spool.dataFile(item.id()), StandardCharsets.US_ASCII));
    }

    @Test
    void pickupShouldRefuseSymbolicLinkWhenDropped() throws Exception {
        DirectorySpool spool = spool();
        Path secret = Files.writeString(dir.resolve("secret"), "not yours", StandardCharsets.US_ASCII);
        Files.createSymbolicLink(spool.dropFolder().resolve("20261204T100000-aaaaaa-0001"), secret);
        assertEquals(List.of(), spool.pickup());
        String owner = Files.getOwner(dir).getName();
        assertEquals(List.of(new RefusedDrop("20261204T100000-aaaaaa-0001", "20261204T100000-aaaaaa-0001", owner,
                false, "a symbolic link: removed unread, since its owner cannot be established",
                secret.toString().length())), spool.refusedDrops());
        assertEquals(List.of(), spool.refusedDrops(), "each refusal reported once");
        assertEquals(List.of(), spool.list());
        assertEquals("not yours", Files.readString(secret, StandardCharsets.US_ASCII), "the file it names is kept");
    }

    @Test
    void pickupShouldRefuseHardLinkWhenDropped() throws Exception {
        DirectorySpool spool = spool();
        Path other = Files.writeString(dir.resolve("other"), "spoolmail-drop: 1\n", StandardCharsets.US_ASCII);
        Files.createLink(spool.dropFolder().resolve("20261204T100000-aaaaaa-0001"), other);
        assertEquals(List.of(), spool.pickup());
        assertEquals("a file with 2 names (hard links); its other names keep it: removed unread, since its owner"
                + " cannot be established", spool.refusedDrops().get(0).reason());
        assertEquals("spoolmail-drop: 1\n", Files.readString(other, StandardCharsets.US_ASCII));
    }

    @Test
    void pickupShouldHoldDropWithReasonWhenItIsNotADropFile() throws Exception {
        DirectorySpool spool = spool();
        Files.writeString(spool.dropFolder().resolve("job42.txt"), "HELO x\nMAIL FROM:<a@b>\n",
                StandardCharsets.US_ASCII);
        List<String> taken = spool.pickup();
        assertEquals(1, taken.size());
        QueueItem held = spool.show(taken.get(0)).orElseThrow();
        assertEquals(ItemState.HELD, held.state());
        assertEquals(Optional.of("bad spool file: not a spoolmail drop file (no 'spoolmail-drop: 1' header)"),
                held.reason());
        assertEquals("job42.txt", held.submission().origin(), "the name the submitter gave it");
        assertEquals(List.of(new RefusedDrop(taken.get(0), "job42.txt", Files.getOwner(dir).getName(), true,
                "not a spoolmail drop file (no 'spoolmail-drop: 1' header)", 23)), spool.refusedDrops());
    }

    static Stream<Arguments> badHeaderFields() {
        String claimRule = "; a claim must be printable text";
        return Stream.of(
                Arguments.of("claim.job-name: ", "drop file header field 'claim.job-name': blank" + claimRule),
                Arguments.of("claim.job-name: " + (char) 0x1B + "[31mRED", "drop file header field 'claim.job-name':"
                        + " the control character U+001B at position 1" + claimRule),
                Arguments.of("claim.program: A\\u0085B", "drop file header field 'claim.program': the control"
                        + " character U+0085 at position 2" + claimRule),
                Arguments.of("index: 99999999999999999999", "drop file header field 'index': '99999999999999999999'"
                        + " is not a mail object number from 0 to 2147483647"),
                Arguments.of("index: -1", "drop file header field 'index': '-1' is not a mail object number from 0"
                        + " to 2147483647"),
                Arguments.of("ccsid: 99999", "drop file header field 'ccsid': unknown CCSID 99999: this"
                        + " Java runtime has no charset for it"),
                Arguments.of("records: fb:0", "drop file header field 'records': LRECL must be 1..32760 octets,"
                        + " got 0"),
                Arguments.of("claim.user: root", "drop file header field 'claim.user': not a field of a drop file"
                        + " header (known: spoolmail-drop, origin, format, ccsid, records, index, state, reason,"
                        + " option, file.N[.path|.octets|.sha256], claim.job-name, claim.job-id, claim.program,"
                        + " claim.step)"),
                Arguments.of("origin: again", "drop file header field 'origin': given twice"),
                Arguments.of("format: ../x", "drop file header field 'format': '../x' is not a parser name such as"
                        + " smtp-datastream"));
    }

    @ParameterizedTest
    @MethodSource("badHeaderFields")
    void pickupShouldHoldDropNamingTheFieldWhenAHeaderFieldIsBad(String field, String reason) throws Exception {
        DirectorySpool spool = spool();
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("origin", "JOB42", "ccsid", "819",
                "records", "lf", "index", "0"));
        String[] kv = field.split(": ", 2);
        StringBuilder header = new StringBuilder("spoolmail-drop: 1\n");
        fields.forEach((k, v) -> header.append(k).append(": ").append(k.equals(kv[0]) ? kv[1] : v).append('\n'));
        if (!fields.containsKey(kv[0]) || kv[0].equals("origin")) {
            header.append(field).append('\n');
        }
        Files.writeString(spool.dropFolder().resolve("20261204T100000-aaaaaa-0009"), header + "\nMAIL FROM:<a@b>\n",
                StandardCharsets.UTF_8);
        assertEquals(List.of("20261204T100000-aaaaaa-0009"), spool.pickup());
        QueueItem held = spool.show("20261204T100000-aaaaaa-0009").orElseThrow();
        assertEquals(ItemState.HELD, held.state());
        assertEquals(Optional.of("bad spool file: " + reason), held.reason());
        assertEquals(reason, spool.refusedDrops().get(0).reason());
    }

    @Test
    void pickupShouldRemoveFolderWithWhatItHoldsWhenDropped() throws Exception {
        DirectorySpool spool = spool();
        Path folder = Files.createDirectories(spool.dropFolder().resolve("sub/deeper"));
        Files.writeString(folder.resolve("x"), "x", StandardCharsets.US_ASCII);
        assertEquals(List.of(), spool.pickup());
        assertEquals("a folder: removed unread, since its owner cannot be established",
                spool.refusedDrops().get(0).reason());
        assertEquals(List.of(), SpoolFolders.names(dir.resolve("spool/queue/pickup")));
        assertEquals(List.of(), spool.pickup(), "the next pickup is not stopped by it");
    }

    @Test
    void dropFolderShouldBeSetgidStickyAndWritableByAllWhenCreated() throws Exception {
        DirectorySpool spool = spool();
        assertEquals(03733, ((Number) Files.getAttribute(spool.dropFolder(), "unix:mode")).intValue() & 07777);
        assertEquals(0700, ((Number) Files.getAttribute(dir.resolve("spool/queue"), "unix:mode")).intValue()
                & 07777);
    }
}
