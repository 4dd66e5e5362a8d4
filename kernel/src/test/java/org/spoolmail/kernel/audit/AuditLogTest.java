package org.spoolmail.kernel.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the day files: damaged lines are named and skipped, and only the days in range are opened. */
class AuditLogTest {

    @TempDir
    Path dir;

    @Test
    void queryShouldWarnNamingFileAndLineAndAnswerTheRestWhenLinesAreDamaged() throws Exception {
        String good = AuditFilterTest.RECORD;
        Path day = dir.resolve("audit-2026-12-04.jsonl");
        byte[] notUtf8 = {'{', '"', (byte) 0xC3, '"', '}', '\n'};
        Files.write(day, (good + "\n" + good.substring(0, 300) + "\n" + good.replace("20261204T105738-2c3c94-0001",
                "second") + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(day, notUtf8, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(day, "{\"time\":\"noon\",\"queue-id\":\"x\",\"outcome\":\"HELD\"}\n[1]\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        List<String> ids = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        AuditLog.Summary s = new AuditLog(dir).query(all(), e -> ids.add(e.queueId()), warnings::add);

        assertEquals(List.of("20261204T105738-2c3c94-0001", "second"), ids);
        assertEquals(List.of(day + " line 2: not a JSON record: Unexpected end-of-input in field name; skipped",
                day + " line 4: not UTF-8; skipped",
                day + " line 5: time 'noon' is not an instant; skipped", day + " line 6: not a JSON object; skipped"),
                warnings);
        assertEquals(new AuditLog.Summary(1, 2, 2, 4), s);
    }

    @Test
    void queryShouldOpenOnlyTheDayFilesInRangeWhenSinceAndUntilAreGiven() throws Exception {
        String good = AuditFilterTest.RECORD;
        Files.writeString(dir.resolve("audit-2026-12-03.jsonl"), "damaged, but never opened\n");
        Files.writeString(dir.resolve("audit-2026-12-04.jsonl"), good + "\n");
        Files.writeString(dir.resolve("audit-2026-12-05.jsonl"), "damaged, but never opened\n");
        Files.writeString(dir.resolve("notes.txt"), "not a day file\n");
        List<String> warnings = new ArrayList<>();

        AuditLog.Summary s = new AuditLog(dir).query(AuditFilter.of(Map.of("since", "2026-12-04", "until",
                "2026-12-04"), Clock.systemUTC()), e -> { }, warnings::add);

        assertEquals(List.of(), warnings);
        assertEquals(new AuditLog.Summary(1, 1, 1, 0), s);
    }

    private static AuditFilter all() {
        return AuditFilter.of(Map.of(), Clock.systemUTC());
    }
}
