package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every decision at every exit point, end to end: the driver stages from the built plugin jars and a site routine
 * from a throw-away plugin jar, loaded by PF4J through {@code spoolmail send}. The routine decides only on the
 * first of two transactions (reverse-path trigger@example.com); each test asserts the first item's outcome,
 * condition code and audit record with the routine's decision and reason, and that the second item is delivered.
 */
class ExitDecisionsIT {

    private static final String TRIGGER = "trigger@example.com";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{1} at {0}")
    @CsvSource(delimiter = '|', value = {
        "verify-sender     | continue | 0 | DELIVERED | CONTINUE | no objection to trigger@example.com",
        "verify-sender     | accept   | 0 | DELIVERED | ACCEPT   | trusted sender trigger@example.com",
        "verify-sender     | reject   | 8 | REJECTED  | REJECT   | policy refuses trigger@example.com",
        "verify-sender     | defer    | 4 | DEFERRED  | DEFER    | directory unavailable for trigger@example.com",
        "verify-recipients | continue | 0 | DELIVERED | CONTINUE | no objection to trigger@example.com",
        "verify-recipients | accept   | 0 | DELIVERED | ACCEPT   | trusted sender trigger@example.com",
        "verify-recipients | reject   | 8 | REJECTED  | REJECT   | policy refuses trigger@example.com",
        "verify-recipients | defer    | 4 | DEFERRED  | DEFER    | directory unavailable for trigger@example.com",
        "content-policy    | continue | 0 | DELIVERED | CONTINUE | no objection to trigger@example.com",
        "content-policy    | accept   | 0 | DELIVERED | ACCEPT   | trusted sender trigger@example.com",
        "content-policy    | reject   | 8 | REJECTED  | REJECT   | policy refuses trigger@example.com",
        "content-policy    | defer    | 4 | DEFERRED  | DEFER    | directory unavailable for trigger@example.com"})
    void sendShouldActOnTheDecisionAndAuditItWhenARoutineDecides(String exitPoint, String decision, int code,
            String outcome, String traced, String reason) throws Exception {
        ExitRun exits = new ExitRun(dir).routine(exitPoint, "scripted-a", decision, TRIGGER, "nobody@example.com");

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(code, run.code, run.toString());
        String first = exits.audit("first");
        assertTrue(first.contains("\"outcome\":\"" + outcome + "\""), first);
        assertTrue(first.contains("{\"stage\":\"" + exitPoint + "\",\"routine\":\"scripted-a\",\"decision\":\""
                + traced + "\",\"reason\":\"" + reason + "\""), first);
        if (decision.equals("reject")) {
            assertTrue(first.contains("\"reply\":\"550 5.7.1 trigger@example.com may not send this\","
                    + "\"relay-reply\":null"), first);
        } else if (decision.equals("defer")) {
            assertTrue(first.contains("\"reply\":\"451 4.3.0 directory unavailable\",\"relay-reply\":null"), first);
        }
        assertTrue(exits.audit("second").contains("\"outcome\":\"DELIVERED\""), exits.audit("second"));
        assertEquals(outcome.equals("DELIVERED") ? 2 : 1, exits.envelopes().size());
    }

    @Test
    void sendShouldRewriteReversePathAndFromWithCode4WhenAVerifySenderRoutineReplaces() throws Exception {
        ExitRun exits = new ExitRun(dir).routine("verify-sender", "scripted-a", "replace", TRIGGER,
                "payroll@example.com");

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(4, run.code, run.toString());
        String first = exits.audit("first");
        assertTrue(first.contains("\"original-reverse-path\":\"<trigger@example.com>\","
                + "\"reverse-path\":\"<payroll@example.com>\","
                + "\"original-from\":\"\\\"Trigger Job\\\" <trigger@example.com>\","
                + "\"from\":\"\\\"Trigger Job\\\" <payroll@example.com>\""), first);
        assertTrue(first.contains("\"hold-cause\":null,\"condition-code\":4,"), first);
        assertTrue(first.contains("\"routine\":\"scripted-a\",\"decision\":\"REPLACE\",\"reason\":\""
                + "trigger@example.com sends as payroll@example.com\""), first);
        assertTrue(exits.envelopes().contains("MAIL FROM:<payroll@example.com>\nRCPT TO:<alice@example.com>\n"
                + "RCPT TO:<bob@partner.example>\n"), exits.envelopes().toString());
    }

    @Test
    void sendShouldDeliverToTheOthersWithCode4WhenARecipientRoutineDropsOne() throws Exception {
        ExitRun exits = new ExitRun(dir).routine("verify-recipients", "scripted-a", "drop", TRIGGER,
                "bob@partner.example");

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(4, run.code, run.toString());
        String first = exits.audit("first");
        assertTrue(first.contains("\"outcome\":\"DELIVERED\""), first);
        assertTrue(first.contains("\"recipients\":[{\"address\":\"alice@example.com\",\"status\":\"ACCEPTED\""),
                first);
        assertTrue(first.contains("\"routine\":\"scripted-a\",\"decision\":\"REPLACE\",\"reason\":\""
                + "bob@partner.example may not get this mail (dropped <bob@partner.example>)\""), first);
        assertTrue(exits.envelopes().contains("MAIL FROM:<trigger@example.com>\nRCPT TO:<alice@example.com>\n"),
                exits.envelopes().toString());
    }

    @Test
    void sendShouldRejectWithCode8WhenRecipientRoutinesDropEveryRecipient() throws Exception {
        ExitRun exits = new ExitRun(dir).raw("verify-recipients", String.join("\n",
                "    routines: [scripted-a, scripted-b]", "    config:",
                "      scripted-a: {decision: drop, when-sender: \"" + TRIGGER + "\", address: alice@example.com}",
                "      scripted-b: {decision: drop, when-sender: \"" + TRIGGER + "\", address: bob@partner.example}"));

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(8, run.code, run.toString());
        String first = exits.audit("first");
        assertTrue(first.contains("\"outcome\":\"REJECTED\",\"reason\":\"no recipient left after exit routine"
                + " scripted-b dropped <bob@partner.example>\""), first);
        assertTrue(first.contains("\"reply\":\"550 5.7.1 no permitted recipients\",\"relay-reply\":null"), first);
        assertTrue(first.contains("(dropped <alice@example.com>)"), first);
    }

    @Test
    void sendShouldSkipLaterRoutinesWhenOneAccepts() throws Exception {
        ExitRun exits = new ExitRun(dir).raw("verify-sender", String.join("\n",
                "    routines: [scripted-a, scripted-b]", "    config:",
                "      scripted-a: {decision: accept, when-sender: \"" + TRIGGER + "\"}",
                "      scripted-b: {decision: reject}"));

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(8, run.code, run.toString());
        String first = exits.audit("first");
        assertTrue(first.contains("\"outcome\":\"DELIVERED\""), first);
        assertTrue(!first.contains("scripted-b"), first);
        String second = exits.audit("second");
        assertTrue(second.contains("\"routine\":\"scripted-b\",\"decision\":\"REJECT\",\"reason\":\"policy refuses"
                + " fine@example.com\""), second);
    }

    @ParameterizedTest(name = "{1} at {0}")
    @CsvSource(delimiter = '|', value = {
        "verify-sender     | drop    | returned a REPLACE that drops recipients, which the verify-sender exit point"
                + " does not take",
        "verify-recipients | replace | returned a REPLACE of the sender, which the verify-recipients exit point"
                + " does not take",
        "content-policy    | replace | returned REPLACE, which the content-policy exit point does not take",
        "content-policy    | drop    | returned REPLACE, which the content-policy exit point does not take"})
    void sendShouldHoldWithCode8WhenARoutineDecidesWhatItsExitPointDoesNotTake(String exitPoint, String decision,
            String reason) throws Exception {
        ExitRun exits = new ExitRun(dir).routine(exitPoint, "scripted-a", decision, TRIGGER, "alice@example.com");

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(8, run.code, run.toString());
        String first = exits.audit("first");
        assertTrue(first.contains("\"outcome\":\"HELD\",\"reason\":\"stage " + exitPoint + " (" + exitPoint
                + "): exit routine scripted-a " + reason + "\",\"hold-cause\":\"EXIT_FAILURE\""), first);
        assertEquals(List.of("MAIL FROM:<fine@example.com>\nRCPT TO:<alice@example.com>\n"), exits.envelopes());
    }
}
