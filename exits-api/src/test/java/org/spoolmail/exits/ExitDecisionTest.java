package org.spoolmail.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.ReversePath;

class ExitDecisionTest {

    private static final Mailbox PAYROLL = Mailbox.parse("payroll@example.com");

    @Test
    void replaceWithDisplayNameShouldCarryTheNameAndBothAddressesWhenGivenText() {
        ExitDecision decision = ExitDecision.replaceWithDisplayName(PAYROLL, "Payroll \"West\"", "directory name");

        assertEquals(new ExitDecision.Replace(Optional.of(ReversePath.of(PAYROLL)), Optional.of(PAYROLL),
                "directory name", Optional.of("Payroll \"West\"")), decision);
    }

    @Test
    void replaceShouldKeepTheDisplayNameWhenMadeByTheExistingFactory() {
        ExitDecision.Replace decision = (ExitDecision.Replace) ExitDecision.replace(PAYROLL, "why");

        assertEquals(Optional.empty(), decision.fromDisplayName());
        assertEquals(decision, new ExitDecision.Replace(Optional.of(ReversePath.of(PAYROLL)), Optional.of(PAYROLL),
                "why"));
    }

    @Test
    void replaceShouldBeRefusedWhenTheDisplayNameHoldsALineBreak() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExitDecision.replaceWithDisplayName(PAYROLL, "Payroll\r\nBcc: x@evil.example", "why"));

        assertEquals("a From display name must not hold the control character or line separator U+000D"
                + " (RFC 5322 section 3.2.5)", e.getMessage());
    }

    @Test
    void replaceShouldBeRefusedWhenTheDisplayNameIsOnlyBlanks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExitDecision.replaceWithDisplayName(PAYROLL, "  ", "why"));

        assertEquals("a From display name must not be only blanks", e.getMessage());
    }

    @Test
    void replaceShouldBeRefusedWhenADisplayNameComesWithoutANewFrom() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExitDecision.Replace(
                Optional.of(ReversePath.of(PAYROLL)), Optional.empty(), "why", Optional.of("Payroll")));

        assertEquals("REPLACE of the From display name needs a new From address", e.getMessage());
    }
}
