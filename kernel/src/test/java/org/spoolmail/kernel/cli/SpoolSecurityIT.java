package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool server never opens a path a drop names (issue 8, the privilege escalation through a deck's ATTACH,
 * TEXTFILE and HTMLFILE): {@code submit} captures every file a deck names with the submitter's rights and the drop
 * carries their octets; the server, running as root here, parses with those octets only. Submits run as the OS user
 * spoolmail-a (runuser), which .ci/run creates; the tests that need it are skipped without root and that user unless
 * {@code SPOOLMAIL_SPOOL_USERS=required} says they must run.
 */
class SpoolSecurityIT {

    private static final String USER = "spoolmail-a";
    private static final String ROOT_ONLY = "ROOT ONLY 4711: never to leave this host\n";

    @TempDir
    Path dir;
    private Path pipeline;
    private Path rootOnly;
    private Path home;

    @BeforeEach
    void spool() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        pipeline = pipeline("{}");
        assertEquals(0, spoolmail("spool", "--once").code);
        rootOnly = dir.resolve("root-only.txt");
        Files.writeString(rootOnly, ROOT_ONLY, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(rootOnly, PosixFilePermissions.fromString("rw-------"));
        home = Files.createDirectory(dir.resolve("home"));
    }

    @Test
    void spoolShouldSendTheOctetsCapturedAtSubmitWhenTheSubmitterSwapsTheFilesForSymlinksAfterwards()
            throws Exception {
        requireSubmitter();
        byte[] original = "%PDF-1.4 quarterly figures \u0000\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(home.resolve("att.bin"), original);
        Files.writeString(home.resolve("body.txt"), "The figures are attached.\n", StandardCharsets.UTF_8);
        Path deck = deck("FROM a@example.com", "TO ops@example.com", "SUBJECT figures", "TEXTFILE body.txt",
                "ATTACH att.bin BINARY");
        ownedBySubmitter(home);

        String out = submitAs(home, deck.toString(), null);
        assertTrue(out.contains(" QUEUED <a@example.com> -> <ops@example.com>"), out);
        for (String name : List.of("att.bin", "body.txt")) {
            Files.delete(home.resolve(name));
            Files.createSymbolicLink(home.resolve(name), rootOnly);
        }

        SpoolmailRun run = spoolmail("spool", "--once");
        assertTrue(run.out.contains(" DELIVERED <a@example.com> -> <ops@example.com>"), run.toString());
        ParsedMail sent = sent();
        assertEquals(2, sent.leaves().size());
        assertEquals("The figures are attached.\r\n", new String(sent.leaves().get(0).octets(),
                StandardCharsets.UTF_8));
        assertEquals("att.bin", sent.leaves().get(1).filename());
        assertEquals(sha256(original), sha256(sent.leaves().get(1).octets()));
        assertFalse(Files.readString(outbox(), StandardCharsets.ISO_8859_1).contains("ROOT ONLY"));
    }

    @Test
    void spoolShouldHoldAHandWrittenDropNamingRootOnlyFilesWithItsReasonAndAuditRecordAndSendNothing()
            throws Exception {
        Path drop = dir.resolve("spool/incoming/hand3");
        Files.writeString(drop, "spoolmail-drop: 1\norigin: /tmp/nob/x\nformat: control-statements\nccsid: 1208\n"
                + "records: lf\nindex: 0\n\nFROM nobody@example.com\nTO b@example.com\nTEXTFILE " + rootOnly + "\n"
                + "ATTACH /etc/shadow BINARY\n", StandardCharsets.UTF_8);

        SpoolmailRun run = spoolmail("spool", "--once");

        String reason = "/tmp/nob/x record 3: TEXTFILE: file " + rootOnly + " is not carried in this spool item:"
                + " the spool server reads only the files captured with the submitter's rights at submission,"
                + " never a path the item names";
        assertTrue(run.out.contains(" HELD (bad spool file): " + reason), run.toString());
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
        String audit = Files.readString(SpoolmailRun.files(dir.resolve("audit"), ".jsonl").get(0),
                StandardCharsets.UTF_8);
        assertTrue(audit.contains("\"outcome\":\"HELD\",\"reason\":\"bad spool file: " + reason + "\","), audit);
        assertFalse(audit.contains("ROOT ONLY"), audit);
        SpoolmailRun list = spoolmail("queue");
        assertEquals(1, list.out.lines().filter(l -> l.matches("\\d{8}T\\d{6}-.* held .*")).count(), list.out);
    }

    @Test
    void submitShouldResolveARelativeAttachAgainstTheSubmittersWorkingFolderWhenTheDeckComesFromStdin()
            throws Exception {
        requireSubmitter();
        Files.writeString(home.resolve("README.md"), "the submitter's own README\n", StandardCharsets.UTF_8);
        Path deck = deck("FROM a@example.com", "TO ops@example.com", "SUBJECT from stdin", "TEXT", "see attached",
                "ENDTEXT", "ATTACH README.md TEXT");
        ownedBySubmitter(home);

        String out = submitAs(home, "-", deck);
        assertTrue(out.contains(" QUEUED <a@example.com> -> <ops@example.com>"), out);
        Files.delete(home.resolve("README.md"));

        SpoolmailRun run = spoolmail("spool", "--once");
        assertTrue(run.out.contains(" DELIVERED <a@example.com> -> <ops@example.com>"), run.toString());
        ParsedMail sent = sent();
        assertEquals("README.md", sent.leaves().get(1).filename());
        assertEquals("the submitter's own README\r\n", new String(sent.leaves().get(1).octets(),
                StandardCharsets.UTF_8));
    }

    @Test
    void submitShouldCarryInEachItemOnlyTheFilesItsOwnMessageNamesWhenADeckHoldsSeveral() throws Exception {
        Files.writeString(home.resolve("a.txt"), "for the first\n", StandardCharsets.UTF_8);
        Files.writeString(home.resolve("b.txt"), "for the second\n", StandardCharsets.UTF_8);
        Path deck = deck("FROM a@example.com", "TO one@example.com", "ATTACH a.txt TEXT", "SEND",
                "FROM a@example.com", "TO two@example.com", "ATTACH b.txt TEXT", "SEND");

        SpoolmailRun submitted = spoolmail("submit", deck.toString());

        assertEquals(0, submitted.code, submitted.toString());
        List<Path> drops = SpoolmailRun.files(dir.resolve("spool/incoming"), "");
        assertEquals(2, drops.size(), drops.toString());
        String first = Files.readString(drops.get(0), StandardCharsets.UTF_8);
        String second = Files.readString(drops.get(1), StandardCharsets.UTF_8);
        assertTrue(first.contains("\nfile.1: a.txt\nfile.1.path: " + home.resolve("a.txt") + "\nfile.1.octets: 14\n"),
                first);
        assertFalse(first.contains("file.2") || first.contains("b.txt"), first);
        assertTrue(first.endsWith("ATTACH a.txt TEXT\nSEND\nfor the first\n"), first);
        assertTrue(second.contains("\nfile.1: b.txt\n") && !second.contains("a.txt"), second);
        Files.delete(home.resolve("a.txt"));
        Files.delete(home.resolve("b.txt"));

        SpoolmailRun run = spoolmail("spool", "--once");
        assertTrue(run.out.contains(" DELIVERED <a@example.com> -> <one@example.com>"), run.toString());
        assertTrue(run.out.contains(" DELIVERED <a@example.com> -> <two@example.com>"), run.toString());
    }

    @Test
    void submitShouldRefuseWithConditionCode8WhenTheDeckAndItsFilesExceedMaxDropSize() throws Exception {
        pipeline = pipeline("{max-drop-size: 2KiB}");
        Files.write(home.resolve("big.bin"), new byte[3000]);
        Path deck = deck("FROM a@example.com", "TO ops@example.com", "ATTACH big.bin BINARY");

        SpoolmailRun run = spoolmail("submit", deck.toString());

        assertEquals(8, run.code, run.toString());
        assertEquals("spoolmail submit: " + deck + " with the files it names makes a drop of more than 2048 octets,"
                + " the spool's max-drop-size (spool.max-drop-size in pipeline.yaml); nothing from this input was"
                + " queued (condition code 8)\n", run.err);
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("spool/incoming"), ""));
    }

    @Test
    void spoolShouldHoldADropOverMaxDropSizeWithoutCopyingItWhenItWasWrittenByHand() throws Exception {
        pipeline = pipeline("{max-drop-size: 1MiB}");
        Path drop = dir.resolve("spool/incoming/sparse");
        try (RandomAccessFile f = new RandomAccessFile(drop.toFile(), "rw")) {
            f.write("spoolmail-drop: 1\norigin: x\nccsid: 1208\nrecords: lf\nindex: 0\n\n"
                    .getBytes(StandardCharsets.US_ASCII));
            f.setLength(200L * 1000 * 1000);
        }

        SpoolmailRun run = spoolmail("spool", "--once");

        assertTrue(run.out.contains(" HELD (bad spool file): the drop is 200000000 octets, more than the spool's"
                + " max-drop-size of 1048576 octets: not taken in, only its first 65536 octets are kept (dropped as"
                + " 'sparse' by root)"), run.toString());
        List<Path> data = SpoolmailRun.files(dir.resolve("spool/queue/data"), "");
        assertEquals(1, data.size(), data.toString());
        assertEquals(65536, Files.size(data.get(0)));
        assertFalse(Files.exists(drop));
    }

    private Path pipeline(String spool) throws Exception {
        Path file = SpoolPipelines.write(dir, PipelineFiles.outbox(), "", spool);
        String yaml = Files.readString(file, StandardCharsets.UTF_8).replace(
                "    use: smtp-datastream\n    config: {default-domain: example.com}\n",
                "    use: [control-statements, smtp-datastream]\n");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    private Path deck(String... lines) throws Exception {
        Path deck = home.resolve("deck.txt");
        Files.writeString(deck, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return deck;
    }

    private SpoolmailRun spoolmail(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-c", pipeline.toString()));
        if (!args[0].equals("queue")) {
            all.addAll(List.of("--plugins", SpoolmailRun.PLUGINS.toString()));
        }
        return SpoolmailRun.run(all.toArray(new String[0]));
    }

    private ParsedMail sent() throws Exception {
        return AngusReader.read(Files.readAllBytes(outbox()));
    }

    private Path outbox() throws Exception {
        List<Path> eml = SpoolmailRun.files(dir.resolve("outbox"), ".eml");
        assertEquals(1, eml.size(), eml.toString());
        return eml.get(0);
    }

    /** Submits as spoolmail-a from {@code cwd}: a file, or {@code -} with {@code stdin}'s octets. */
    private String submitAs(Path cwd, String input, Path stdin) throws Exception {
        Path dist = SpoolmailRun.PLUGINS.toAbsolutePath().getParent();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of("runuser", "-u", USER, "--", java,
                "-Dspoolmail.home=" + dist, "-cp", dist.resolve("lib") + "/*", "org.spoolmail.kernel.cli.Main",
                "submit", "-c", pipeline.toString(), "--plugins", SpoolmailRun.PLUGINS.toAbsolutePath().toString(),
                input)).directory(cwd.toFile()).redirectErrorStream(true);
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static void ownedBySubmitter(Path folder) throws Exception {
        Process p = new ProcessBuilder("chown", "-R", USER, folder.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
    }

    private static void requireSubmitter() {
        boolean required = "required".equals(System.getenv("SPOOLMAIL_SPOOL_USERS"));
        String problem = !"root".equals(System.getProperty("user.name")) ? "not running as root"
                : !exists(USER) ? "user " + USER + " missing" : null;
        if (required && problem != null) {
            throw new AssertionError("SPOOLMAIL_SPOOL_USERS=required but " + problem + " (run .ci/run as root)");
        }
        assumeTrue(problem == null, problem);
    }

    private static boolean exists(String user) {
        try {
            return new ProcessBuilder("id", "-u", user).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static String sha256(byte[] octets) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(octets));
    }
}
