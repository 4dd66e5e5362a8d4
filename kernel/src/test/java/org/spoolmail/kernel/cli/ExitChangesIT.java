package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No change by an exit routine is silent: a recipient a routine dropped is on the result line as
 * {@code <x>(DROPPED)}, on standard error with the routine's reason and in the audit record's recipients; a REPLACE
 * of the sender is on standard error; {@code check} lists both as notes and each rejection once.
 */
class ExitChangesIT {

    private static final String TRIGGER = "trigger@example.com";

    @TempDir
    Path dir;

    @Test
    void sendShouldShowAndAuditTheRecipientWhenARoutineDropsOne() throws Exception {
        ExitRun exits = new ExitRun(dir).routine("verify-recipients", "scripted-a", "drop", TRIGGER,
                "bob@partner.example");

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(4, run.code, run.toString());
        String line = run.out.lines().toList().get(0);
        String id = line.split(" ")[0];
        assertEquals(id + " DELIVERED <trigger@example.com> -> <alice@example.com>,<bob@partner.example>(DROPPED)"
                + " subject \"first\" (condition code 4)", line);
        assertEquals(List.of("spoolmail send: " + id + " <bob@partner.example> DROPPED by scripted-a:"
                + " bob@partner.example may not get this mail", "spoolmail send: condition code 4"),
                run.err.lines().toList());
        String first = exits.audit("first");
        assertTrue(first.contains("\"recipients\":[{\"address\":\"alice@example.com\",\"status\":\"ACCEPTED\","
                + "\"reply\":null},{\"address\":\"bob@partner.example\",\"status\":\"DROPPED\",\"reply\":null,"
                + "\"routine\":\"scripted-a\",\"reason\":\"bob@partner.example may not get this mail\"}],"), first);
        assertTrue(exits.audit("second").contains("\"recipients\":[{\"address\":\"alice@example.com\","
                + "\"status\":\"ACCEPTED\",\"reply\":null}],"), exits.audit("second"));
    }

    @Test
    void checkShouldNoteTheDroppedRecipientWhenARoutineDropsOne() throws Exception {
        ExitRun exits = new ExitRun(dir).routine("verify-recipients", "scripted-a", "drop", TRIGGER,
                "bob@partner.example");

        SpoolmailRun run = exits.check(ExitRun.TWO_TRANSACTIONS);

        assertEquals(4, run.code, run.toString());
        List<String> notes = run.out.lines().filter(l -> l.startsWith("  note: ")).toList();
        assertEquals(List.of("  note: <bob@partner.example> dropped by scripted-a: bob@partner.example may not get"
                + " this mail"), notes);
    }

    @Test
    void sendAndCheckShouldNameTheRoutineAndReasonWhenARoutineReplacesTheSender() throws Exception {
        ExitRun exits = new ExitRun(dir.resolve("send")).routine("verify-sender", "scripted-a", "replace", TRIGGER,
                "payroll@example.com");
        ExitRun checked = new ExitRun(dir.resolve("check")).routine("verify-sender", "scripted-a", "replace",
                TRIGGER, "payroll@example.com");

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);
        SpoolmailRun check = checked.check(ExitRun.TWO_TRANSACTIONS);

        assertEquals(4, run.code, run.toString());
        String id = run.out.lines().toList().get(0).split(" ")[0];
        assertEquals(List.of("spoolmail send: " + id + " sender replaced by scripted-a: trigger@example.com sends as"
                + " payroll@example.com", "spoolmail send: condition code 4"), run.err.lines().toList());
        assertEquals(List.of("  note: sender replaced by scripted-a: trigger@example.com sends as payroll@example.com"),
                check.out.lines().filter(l -> l.startsWith("  note: ")).toList());
    }

    @Test
    void checkShouldPrintARejectionOnceWhenARoutineRejects() throws Exception {
        ExitRun exits = new ExitRun(dir).routine("verify-sender", "scripted-a", "reject", TRIGGER,
                "nobody@example.com");

        SpoolmailRun run = exits.check(ExitRun.TWO_TRANSACTIONS);

        assertEquals(8, run.code, run.toString());
        assertEquals(List.of("  problem: verify-sender scripted-a REJECT: policy refuses trigger@example.com"),
                run.out.lines().filter(l -> l.startsWith("  problem: ")).toList());
    }
}
