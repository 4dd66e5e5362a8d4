package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.kernel.audit.AuditEntry;
import org.spoolmail.kernel.audit.AuditEntry.Recipient;

/** The table of {@code spoolmail audit}: columns, the cut of long values, and nothing a terminal would obey. */
class AuditTableTest {

    @Test
    void printShouldCutLongValuesAndShowControlCharactersAsQuestionMarksWhenARecordHoldsThem() {
        AuditTable table = new AuditTable();
        table.add(new AuditEntry("{}", Instant.parse("2026-12-04T10:15:30.123Z"), "Q1", "DEFERRED", Optional.of("ops"),
                Optional.of(new AuditEntry.Fact("NIGHTLY", true)), Optional.empty(), "<>", "<>",
                List.of(new Recipient("a@x.org", "ACCEPTED"), new Recipient("b@x.org", "DEFERRED"),
                        new Recipient("c@x.org", "REFUSED"), new Recipient("d@x.org", "DROPPED")),
                Optional.of("Totals \u001b[2J\u0085 for week 48 of the payroll run, all plants")));
        StringWriter out = new StringWriter();

        table.print(new PrintWriter(out));

        String recipients = "a@x.org(ACCEPTED),b@x.org(DEFERRED),c@x.org(REFUSED) +1 more";
        String subject = "Totals ?[2J? for week 48 of the payro...";
        assertEquals(List.of("TIME                  QUEUE-ID  USER  JOB      SENDER  RECIPIENTS"
                + " ".repeat(recipients.length() - 8) + "SUBJECT" + " ".repeat(subject.length() - 5) + "OUTCOME",
                "2026-12-04T10:15:30Z  Q1        ops   NIGHTLY  <>      " + recipients + "  " + subject
                + "  DEFERRED"),
                out.toString().lines().toList());
    }
}
