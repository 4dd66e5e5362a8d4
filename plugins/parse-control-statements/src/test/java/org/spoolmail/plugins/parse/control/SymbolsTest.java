package org.spoolmail.plugins.parse.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.mail.Identity;

/** &DATE, &TIME, &JOBNAME, &JOBID, &USERID, &SYSNAME; the '.' terminator, the && escape, unknown names. */
class SymbolsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T23:30:05Z");

    @Test
    void substituteShouldReplaceEverySymbolWhenAllHaveValues() throws Exception {
        Symbols symbols = Symbols.of(Decks.IDENTITY, NOW, ZoneOffset.UTC);

        assertEquals("2026-11-30 23:30:05 PAYROLL1 JOB01234 BATCH1 SYS1",
                symbols.substitute("&DATE &TIME &JOBNAME &JOBID &USERID &SYSNAME"));
    }

    @Test
    void substituteShouldDropTheDotAfterASymbolWhenItEndsTheName() throws Exception {
        Symbols symbols = Symbols.of(Decks.IDENTITY, NOW, ZoneOffset.UTC);

        assertEquals("PAYROLL1.TXT PAYROLL1TXT", symbols.substitute("&JOBNAME..TXT &JOBNAME.TXT"));
    }

    @Test
    void substituteShouldLeaveOtherAmpersandsAsWrittenWhenTheyAreNoSymbol() throws Exception {
        Symbols symbols = Symbols.of(Decks.IDENTITY, NOW, ZoneOffset.UTC);

        assertEquals("AT&T &nbsp; &DATES &date & &DATE &&", symbols.substitute("AT&T &nbsp; &DATES &date & &&DATE &&&&"));
    }

    @Test
    void substituteShouldUseTheZoneWhenOneIsGiven() throws Exception {
        Symbols symbols = Symbols.of(Decks.IDENTITY, NOW, ZoneId.of("Europe/Berlin"));

        assertEquals("2026-12-01 00:30:05", symbols.substitute("&DATE &TIME"));
    }

    @Test
    void substituteShouldRefuseJobnameWhenNoJobNameIsKnown() {
        Symbols symbols = Symbols.of(Identity.of("BATCH1", "SYS1", "test"), NOW, ZoneOffset.UTC);

        Symbols.UnknownValueException e = assertThrows(Symbols.UnknownValueException.class,
                () -> symbols.substitute("Job &JOBNAME"));
        assertEquals("symbol &JOBNAME has no value in this run (no job name is known: give --job-name or"
                + " SPOOLMAIL_JOBNAME); write &&JOBNAME for the text itself", e.getMessage());
    }
}
