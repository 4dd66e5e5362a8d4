package org.spoolmail.kernel.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The audit folder the audit-log plugin writes, one file per day ({@code audit-YYYY-MM-DD.jsonl}, the day in UTC),
 * read for a query: only the files of the days the filter's time range touches are opened, in day order, each
 * record in file order. A line that is not a record (not UTF-8, not JSON, no time, queue ID or outcome: a torn
 * write after a crash, a hand edit) is reported as a warning naming the file and line, and the rest is still read.
 * Other files in the folder are ignored.
 */
public final class AuditLog {

    private static final Pattern DAY_FILE = Pattern.compile("audit-(\\d{4}-\\d{2}-\\d{2})\\.jsonl");

    private final Path directory;

    /** @param directory the audit folder, as the user should see it in messages */
    public AuditLog(Path directory) {
        this.directory = directory;
    }

    /**
     * What one query read.
     *
     * @param files the day files opened
     * @param records the records read (damaged lines not counted)
     * @param matched the records that matched
     * @param damaged the lines skipped as damaged
     */
    public record Summary(int files, long records, long matched, long damaged) {
    }

    /**
     * Runs a query.
     *
     * @param filter what to find
     * @param sink gets each matching record, in day and file order
     * @param warnings gets one line per damaged line: {@code <file> line <n>: <what is wrong>; skipped}
     * @return what was read
     * @throws IOException if the folder or a day file cannot be read
     */
    public Summary query(AuditFilter filter, Consumer<AuditEntry> sink, Consumer<String> warnings)
            throws IOException {
        int files = 0;
        long records = 0;
        long matched = 0;
        long damaged = 0;
        for (Path file : dayFiles(filter)) {
            files++;
            long number = 0;
            try (InputStream in = Files.newInputStream(file)) {
                CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
                LineReader lines = new LineReader(in);
                byte[] line;
                while ((line = lines.next()) != null) {
                    number++;
                    if (line.length == 0) {
                        continue;
                    }
                    AuditEntry entry;
                    try {
                        entry = AuditEntry.parse(utf8.decode(ByteBuffer.wrap(line)).toString());
                    } catch (CharacterCodingException | IllegalArgumentException e) {
                        damaged++;
                        warnings.accept(file + " line " + number + ": " + (e instanceof CharacterCodingException
                                ? "not UTF-8" : e.getMessage()) + "; skipped");
                        continue;
                    }
                    records++;
                    if (filter.matches(entry)) {
                        matched++;
                        sink.accept(entry);
                    }
                }
            }
        }
        return new Summary(files, records, matched, damaged);
    }

    /** The day files whose day the filter's time range touches, by day. */
    private List<Path> dayFiles(AuditFilter filter) throws IOException {
        TreeMap<LocalDate, Path> days = new TreeMap<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.forEach(p -> {
                Matcher m = DAY_FILE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    try {
                        days.put(LocalDate.parse(m.group(1)), p);
                    } catch (java.time.DateTimeException e) {
                        // audit-2026-13-45.jsonl is no day file of the plugin's
                    }
                }
            });
        }
        List<Path> files = new ArrayList<>();
        days.forEach((day, path) -> {
            if (filter.mayMatchDay(day) && Files.isRegularFile(path)) {
                files.add(path);
            }
        });
        return files;
    }
}
