package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of docs/writing-exits.md, end to end: docs/examples/site-exit is built from a clean copy with
 * Maven, its jar dropped into a plugins folder beside the distribution's plugins, the example's own pipeline.yaml
 * (freeze dates moved around today) switches the routine on, and {@code send} shows its decision.
 */
class WritingExitsGuideIT {

    private static final String USER = System.getProperty("user.name");

    @TempDir
    Path dir;

    @Test
    void guideExampleShouldBuildLoadAndDeferTheMailWhenTodayIsInTheFreeze() throws Exception {
        Path jar = ExampleBuild.packageSiteExit(Files.createDirectories(dir.resolve("build")));
        Path site = Files.createDirectories(dir.resolve("site-plugins"));
        Files.copy(jar, site.resolve(jar.getFileName()));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        Path pipeline = examplePipeline(today.minusDays(1), today.plusDays(1));

        // The site installs its one exit in its own folder; the built-in plugins stay where the distribution has them
        SpoolmailRun listing = SpoolmailRun.run("plugins", "-c", pipeline.toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString());
        SpoolmailRun run = SpoolmailRun.send(pipeline, SpoolmailRun.corpus(dir, "seed-example.smtp").toString());

        assertEquals(List.of("plugins folder " + SpoolmailRun.PLUGINS.toAbsolutePath().normalize(),
                "site plugins folder " + site), listing.out.lines().limit(2).toList(), listing.toString());
        assertTrue(listing.out.contains("\n  holiday-freeze "), listing.toString());
        assertEquals(4, run.code, run.toString());
        assertTrue(run.out.contains(" DEFERRED <foo@bar.com> -> <wayne@bar.com> subject \"DAILY REPORT OF DISK"
                + " UTILIZATION\" (condition code 4)"), run.toString());
        assertTrue(run.err.contains("[451 4.3.2 batch mail is frozen until " + today.plusDays(1) + "]"),
                run.toString());
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
        String record = onlyAuditRecord();
        assertTrue(record.contains("\"outcome\":\"DEFERRED\""), record);
        assertTrue(record.contains("\"stage\":\"verify-sender\",\"routine\":\"holiday-freeze\",\"decision\":\"DEFER\","
                + "\"reason\":\"change freeze " + today.minusDays(1) + " to " + today.plusDays(1) + ": " + USER
                + " is not exempt\""), record);
    }

    /** docs/examples/site-exit/pipeline.yaml as the guide shows it, with the freeze moved around today. */
    private Path examplePipeline(LocalDate first, LocalDate last) throws Exception {
        String yaml = Files.readString(ExampleBuild.ROOT.resolve("docs/examples/site-exit/pipeline.yaml"),
                StandardCharsets.UTF_8);
        String moved = yaml.replace("first-day: 2026-12-24", "first-day: " + first)
                .replace("last-day: 2026-12-26", "last-day: " + last);
        assertEquals(2, countChangedLines(yaml, moved), "the example pipeline.yaml no longer has the guide's dates");
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, moved, StandardCharsets.UTF_8);
        return file;
    }

    private static long countChangedLines(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        return a.size() != b.size() ? -1 : java.util.stream.IntStream.range(0, a.size())
                .filter(i -> !a.get(i).equals(b.get(i))).count();
    }

    private String onlyAuditRecord() throws Exception {
        List<String> lines = Files.readAllLines(SpoolmailRun.files(dir.resolve("audit"), ".jsonl").get(0),
                StandardCharsets.UTF_8);
        assertEquals(1, lines.size(), String.join("\n", lines));
        return lines.get(0);
    }
}
