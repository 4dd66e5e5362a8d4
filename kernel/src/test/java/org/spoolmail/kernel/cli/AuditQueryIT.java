package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spoolmail audit} on a log of 11,003 records (issue 8, must-show 6): three from real {@code send} runs of
 * the bundled sample (corpus seed-example.smtp) through the outbox pipeline, and 11,000 more made from the first real
 * record (the audit-log plugin's exact shape and key order) with other times, users, jobs, senders, recipients and
 * outcomes, spread over 23 day files. Each filter's answer is compared with the records the test's own model says
 * match; each query's time is printed with the load average, after one untimed run that loads and compiles the
 * classes, and kept under a bound that only catches runaway behaviour (speed is for a benchmark to measure).
 */
class AuditQueryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GENERATED = 11_000;
    private static final List<String> USERS = List.of("batch1", "payroll", "ops", "JDOE");
    private static final List<String> JOBS = List.of("PAYROLL1", "PAYROLL2", "payroll3", "DAILYRPT", "BACKUP", "");
    private static final List<String> SENDERS = List.of("batch@example.com", "Reports@Example.COM",
            "payroll@pay.example.com", "", "ops@example.net");
    private static final List<String> RECIPIENTS = List.of("hr.reports@example.com", "audit@example.com",
            "ops@example.net", "Storage.Team@Example.com", "wayne@bar.com");

    /** What the test knows of each record, independently of the code under test. */
    private record Row(String id, Instant time, String user, String job, String jobId, String sender,
            String originalSender, List<String> recipients, String outcome) {
    }

    @TempDir
    static Path dir;

    private static Path pipeline;
    private static Path audit;
    private static Instant now;
    private static final List<Row> ROWS = new ArrayList<>();

    @BeforeAll
    static void writeTheLog() throws Exception {
        pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");
        audit = dir.resolve("audit");
        Path sample = SpoolmailRun.corpus(dir, "seed-example.smtp");
        for (String job : List.of("REAL1", "REAL2", "REAL3")) {
            SpoolmailRun run = SpoolmailRun.send(pipeline, "--job-name", job, sample.toString());
            assertEquals(0, run.code, run.toString());
        }
        List<Path> real = SpoolmailRun.files(audit, ".jsonl");
        assertEquals(1, real.size());
        List<String> lines = Files.readAllLines(real.get(0), StandardCharsets.UTF_8);
        assertEquals(3, lines.size());
        for (String line : lines) {
            ROWS.add(rowOf(JSON.readTree(line)));
        }
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        generate((ObjectNode) JSON.readTree(lines.get(0)));
    }

    /** Record k is (k * 180 + 90) seconds before now, so no relative bound of whole minutes falls near one. */
    private static void generate(ObjectNode template) throws IOException {
        Random random = new Random(4711);
        Map<LocalDate, StringBuilder> days = new LinkedHashMap<>();
        for (int k = GENERATED - 1; k >= 0; k--) {
            Instant time = now.minusSeconds(k * 180L + 90).plusMillis(random.nextInt(1000));
            String id = "20261101T000000-gen" + String.format(Locale.ROOT, "%05d", k) + "-0001";
            String user = USERS.get(random.nextInt(USERS.size()));
            String job = JOBS.get(random.nextInt(JOBS.size()));
            String jobId = "JOB" + String.format(Locale.ROOT, "%05d", random.nextInt(3000));
            String sender = SENDERS.get(random.nextInt(SENDERS.size()));
            String original = random.nextInt(10) == 0 ? "BATCH@NODE1.example.com" : sender;
            int draw = random.nextInt(100);
            String outcome = draw < 70 ? "DELIVERED" : draw < 80 ? "DEFERRED" : draw < 90 ? "REJECTED"
                    : draw < 98 ? "HELD" : "DISCARDED";
            List<String> recipients = new ArrayList<>(RECIPIENTS);
            java.util.Collections.shuffle(recipients, random);
            recipients = List.copyOf(recipients.subList(0, 1 + random.nextInt(3)));
            Row row = new Row(id, time, user, job, job.isEmpty() ? "" : jobId, sender, original, recipients, outcome);
            ROWS.add(row);
            days.computeIfAbsent(LocalDate.ofInstant(time, ZoneOffset.UTC), d -> new StringBuilder())
                    .append(JSON.writeValueAsString(record(template.deepCopy(), row))).append('\n');
        }
        for (Map.Entry<LocalDate, StringBuilder> day : days.entrySet()) {
            Files.writeString(audit.resolve("audit-" + day.getKey() + ".jsonl"), day.getValue(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static ObjectNode record(ObjectNode r, Row row) {
        r.put("time", row.time().toString()).put("queue-id", row.id()).put("outcome", row.outcome());
        ObjectNode identity = (ObjectNode) r.get("identity");
        ((ObjectNode) identity.get("user-id")).put("value", row.user());
        if (row.job().isEmpty()) {
            identity.putNull("job-name").putNull("job-id");
        } else {
            identity.putObject("job-name").put("value", row.job()).put("established", false);
            identity.putObject("job-id").put("value", row.jobId()).put("established", false);
        }
        r.put("original-reverse-path", "<" + row.originalSender() + ">").put("reverse-path", "<" + row.sender() + ">");
        ArrayNode recipients = r.putArray("recipients");
        String status = switch (row.outcome()) {
            case "DELIVERED" -> "ACCEPTED";
            case "DEFERRED" -> "DEFERRED";
            case "REJECTED" -> "REFUSED";
            default -> "NOT-ATTEMPTED";
        };
        row.recipients().forEach(a -> recipients.addObject().put("address", a).put("status", status).putNull("reply"));
        r.put("subject", "Generated record " + row.id());
        return r;
    }

    private static Row rowOf(JsonNode r) {
        JsonNode identity = r.get("identity");
        List<String> recipients = new ArrayList<>();
        r.get("recipients").forEach(x -> recipients.add(x.get("address").asText()));
        return new Row(r.get("queue-id").asText(), Instant.parse(r.get("time").asText()),
                identity.get("user-id").get("value").asText(), identity.get("job-name").get("value").asText(), "",
                strip(r.get("reverse-path").asText()), strip(r.get("original-reverse-path").asText()), recipients,
                r.get("outcome").asText());
    }

    private static String strip(String path) {
        return path.substring(1, path.length() - 1);
    }

    @Test
    void auditShouldAnswerEachFilterWithExactlyTheMatchingRecordsOnTenThousandRecords() throws Exception {
        assertEquals(GENERATED + 3, ROWS.size());
        LocalDate first = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(9);
        Instant from = now.minus(Duration.ofHours(100)).truncatedTo(ChronoUnit.MINUTES);
        Instant to = from.plus(Duration.ofHours(30));
        String someJobId = ROWS.get(500).jobId().isEmpty() ? ROWS.get(501).jobId() : ROWS.get(500).jobId();
        // Class loading and the JIT's first compilations are the JVM's, not the query's: one run before the timed ones.
        SpoolmailRun.run("audit", "--directory", audit.toString(), "--json");
        query(r -> true);
        query(r -> r.user().equalsIgnoreCase("payroll"), "--user", "payroll");
        query(r -> r.job().toUpperCase(Locale.ROOT).startsWith("PAY"), "--job", "PAY*");
        query(r -> r.jobId().equals(someJobId), "--job", someJobId);
        query(r -> domain(r.sender()).equals("example.com") || domain(r.originalSender()).equals("example.com"),
                "--sender", "*@Example.com");
        query(r -> domain(r.sender()).equals("example.com") || domain(r.originalSender()).equals("example.com"),
                "--sender", "EXAMPLE.COM");
        query(r -> r.sender().equalsIgnoreCase("batch@node1.example.com")
                || r.originalSender().equalsIgnoreCase("batch@node1.example.com"), "--sender", "batch@node1.*");
        query(r -> r.sender().isEmpty(), "--sender", "<>");
        query(r -> r.recipients().stream().anyMatch("storage.team@example.com"::equalsIgnoreCase),
                "--recipient", "storage.team@example.com");
        query(r -> !r.time().isBefore(first.atStartOfDay(ZoneOffset.UTC).toInstant())
                && r.time().isBefore(first.plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant()),
                "--since", first.toString(), "--until", first.plusDays(2).toString());
        query(r -> !r.time().isBefore(from) && r.time().isBefore(to), "--since", from.toString(), "--until",
                to.toString());
        query(r -> !r.time().isBefore(now.minus(Duration.ofHours(2))), "--since", "2h");
        query(r -> r.outcome().equals("DEFERRED"), "--outcome", "DEFERRED");
        query(r -> r.outcome().equals("HELD") || r.outcome().equals("REJECTED"), "--outcome", "held,rejected");
        query(r -> r.user().equals("ops") && r.outcome().equals("DELIVERED") && !r.time().isBefore(now.minus(
                Duration.ofDays(7))) && r.recipients().stream().anyMatch(a -> domain(a).equals("example.net")),
                "--user", "ops", "--outcome", "delivered", "--recipient", "*@example.net", "--since", "7d");
    }

    @Test
    void auditShouldPrintATableRowWithRecipientStatusAndClaimedJobWhenAskedForOneQueueId() {
        Row real = ROWS.get(1);

        SpoolmailRun run = SpoolmailRun.run("audit", "-c", pipeline.toString(), "--queue-id", real.id());

        assertEquals(0, run.code, run.toString());
        String time = real.time().truncatedTo(ChronoUnit.SECONDS).toString();
        String user = real.user();
        String pad = " ".repeat(Math.max(4, user.length()) - user.length());
        assertEquals(List.of("TIME                  QUEUE-ID" + " ".repeat(real.id().length() - 6) + "USER"
                + " ".repeat(Math.max(4, user.length()) - 2) + "JOB     SENDER         RECIPIENTS               "
                + "SUBJECT                           OUTCOME",
                time + "  " + real.id() + "  " + user + pad + "  REAL2*  <foo@bar.com>  wayne@bar.com(ACCEPTED)  "
                + "DAILY REPORT OF DISK UTILIZATION  DELIVERED",
                "* job name claimed (from --job-name, SPOOLMAIL_JOBNAME or the input), not established by the"
                + " operating system"), run.out.lines().toList());
        assertEquals("spoolmail audit: 1 record matches (11003 read in " + dayFiles() + " day files)\n", run.err);
    }

    @Test
    void auditShouldSaySoOnStderrAndEndWithCode0WhenNothingMatches() {
        SpoolmailRun run = SpoolmailRun.run("audit", "--directory", audit.toString(), "--user", "nobody", "--json");

        assertEquals(0, run.code, run.toString());
        assertEquals("", run.out);
        assertEquals("spoolmail audit: no record matches (11003 read in " + dayFiles() + " day files)\n", run.err);
    }

    @Test
    void auditShouldRefuseABadFilterValueWithCode16NamingTheOption() {
        SpoolmailRun run = SpoolmailRun.run("audit", "--directory", audit.toString(), "--since", "yesterday");

        assertEquals(16, run.code, run.toString());
        assertEquals("spoolmail audit: --since: 'yesterday' is not a time: give an ISO-8601 instant"
                + " (2026-12-04T10:15:00Z), a date (2026-12-04, UTC) or an age (90s, 30m, 2h, 7d) (condition code 16)",
                run.err.lines().findFirst().orElseThrow());
        assertEquals("", run.out);
    }

    @Test
    void auditShouldNameTheDamagedLineAndAnswerTheRestWithCode4WhenARecordIsCutOff() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("damaged"));
        String today = "audit-" + LocalDate.ofInstant(now, ZoneOffset.UTC) + ".jsonl";
        List<String> lines = Files.readAllLines(audit.resolve(today), StandardCharsets.UTF_8);
        Files.writeString(copy.resolve(today), lines.get(0) + "\n" + lines.get(1).substring(0, 200) + "\n"
                + lines.get(2) + "\n", StandardCharsets.UTF_8);
        Files.writeString(copy.resolve("audit-2020-01-01.jsonl"), "out of range: never opened\n");

        SpoolmailRun run = SpoolmailRun.run("audit", "--directory", copy.toString(), "--since", "1d", "--json");

        assertEquals(4, run.code, run.toString());
        assertEquals(List.of(lines.get(0), lines.get(2)), run.out.lines().toList());
        assertEquals(List.of("spoolmail audit: " + copy.resolve(today) + " line 2: not a JSON record: Unexpected"
                + " end-of-input in field name; skipped", "spoolmail audit: 2 records match (2 read in 1 day file;"
                + " 1 damaged line skipped)"), run.err.lines().toList());
    }

    @Test
    void auditShouldSaySoWithCode0WhenTheAuditFolderDoesNotExistYet() {
        SpoolmailRun run = SpoolmailRun.run("audit", "--directory", dir.resolve("none").toString());

        assertEquals(0, run.code, run.toString());
        assertEquals(List.of("spoolmail audit: audit folder " + dir.resolve("none") + " does not exist: nothing was"
                + " recorded there yet", "spoolmail audit: no record matches (0 read in 0 day files)"),
                run.err.lines().toList());
    }

    @Test
    void auditShouldEndWithCode16WhenThePipelineHasNoAuditLogStage() throws Exception {
        Path other = Files.createDirectories(dir.resolve("no-log"));
        Path file = Files.writeString(other.resolve("pipeline.yaml"), Files.readString(pipeline)
                .replace("  - stage: log\n    use: audit-log\n    config: {directory: audit}\n", ""));

        SpoolmailRun run = SpoolmailRun.run("audit", "-c", file.toString());

        assertEquals(16, run.code, run.toString());
        assertEquals(List.of("spoolmail audit: " + file + ": no log stage uses audit-log with a directory: name the"
                + " audit folder with --directory", "spoolmail audit: no audit folder to read (condition code 16)"),
                run.err.lines().toList());
    }

    private static long dayFiles() {
        try {
            return SpoolmailRun.files(audit, ".jsonl").size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code audit --json} with the arguments and compares the queue IDs with the model's (sorted: the output is
     * in file order, and the real records were written before the older generated ones of the same day).
     */
    private static void query(Predicate<Row> expected, String... filters) throws IOException {
        List<String> args = new ArrayList<>(List.of("audit", "--directory", audit.toString(), "--json"));
        args.addAll(List.of(filters));
        long start = System.nanoTime();
        SpoolmailRun run = SpoolmailRun.run(args.toArray(new String[0]));
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> want = ROWS.stream().filter(expected).map(Row::id).sorted().toList();
        List<String> got = new ArrayList<>();
        for (String line : run.out.lines().toList()) {
            got.add(JSON.readTree(line).get("queue-id").asText());
        }
        System.out.printf("audit query %s: %d of %d records in %d ms (load average %.1f)%n", String.join(" ", filters),
                got.size(), ROWS.size(), millis, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertEquals(0, run.code, run.toString());
        assertTrue(!want.isEmpty(), "the model has no match for " + List.of(filters));
        assertEquals(want, got.stream().sorted().toList(), String.join(" ", filters));
        // A bound for runaway behaviour only: the figure is printed, and measured on a quiet machine by a benchmark;
        // CI shares 2 cores with other builds (load averages of 30 were seen), which slows any query many times over.
        assertTrue(millis < 15_000, "query " + List.of(filters) + " took " + millis + " ms");
    }

    private static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
