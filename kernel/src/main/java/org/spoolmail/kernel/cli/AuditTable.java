package org.spoolmail.kernel.cli;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.spoolmail.kernel.audit.AuditEntry;

/**
 * The table {@code spoolmail audit} prints for people: one row per record with TIME (UTC, to the second), QUEUE-ID,
 * USER, JOB, SENDER, RECIPIENTS (each {@code address(STATUS)}), SUBJECT and OUTCOME, columns as wide as their widest
 * value. A claimed job name (from a flag or the input, not from the operating system) ends in {@code *}, explained
 * under the table; a subject is cut to {@value #SUBJECT_CHARS} characters and the recipients to
 * {@value #RECIPIENTS_SHOWN} (then {@code +N more}): {@code --json} has them whole. Absent values show as {@code -};
 * control characters as {@code ?}.
 */
final class AuditTable {

    static final int SUBJECT_CHARS = 40;
    static final int RECIPIENTS_SHOWN = 3;
    private static final List<String> HEADINGS = List.of("TIME", "QUEUE-ID", "USER", "JOB", "SENDER", "RECIPIENTS",
            "SUBJECT", "OUTCOME");

    private final List<List<String>> rows = new ArrayList<>();
    private boolean claimed;

    /** Adds a record's row. */
    void add(AuditEntry e) {
        String job = e.jobName().map(j -> j.value() + (j.established() ? "" : "*")).orElse("-");
        claimed |= job.endsWith("*");
        rows.add(List.of(e.time().truncatedTo(ChronoUnit.SECONDS).toString(), e.queueId(), e.userId().orElse("-"),
                job, e.reversePath().isEmpty() ? "-" : e.reversePath(), recipients(e), subject(e), e.outcome())
                .stream().map(AuditTable::printable).toList());
    }

    /** Prints the headings and every row added; nothing when no row was added. */
    void print(PrintWriter out) {
        if (rows.isEmpty()) {
            return;
        }
        int[] widths = new int[HEADINGS.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(HEADINGS);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()) + 2));
                }
            }
            out.println(line);
        }
        if (claimed) {
            out.println("* job name claimed (from --job-name, SPOOLMAIL_JOBNAME or the input), not established by"
                    + " the operating system");
        }
        out.flush();
    }

    /**
     * A cell as it may reach a terminal: a control character (C0, DEL, C1) or line separator, which a hand-edited or
     * forged record could hold to move the cursor or fake a row, is shown as '?'.
     */
    private static String printable(String cell) {
        return cell.replaceAll("[\\p{Cntrl}\\u0080-\\u009F\\u2028\\u2029]", "?");
    }

    private static String recipients(AuditEntry e) {
        if (e.recipients().isEmpty()) {
            return "-";
        }
        String shown = e.recipients().stream().limit(RECIPIENTS_SHOWN)
                .map(r -> r.address() + "(" + r.status() + ")").collect(Collectors.joining(","));
        int more = e.recipients().size() - RECIPIENTS_SHOWN;
        return more > 0 ? shown + " +" + more + " more" : shown;
    }

    private static String subject(AuditEntry e) {
        String subject = e.subject().orElse("-");
        if (subject.codePointCount(0, subject.length()) <= SUBJECT_CHARS) {
            return subject;
        }
        return subject.substring(0, subject.offsetByCodePoints(0, SUBJECT_CHARS - 3)) + "...";
    }
}
