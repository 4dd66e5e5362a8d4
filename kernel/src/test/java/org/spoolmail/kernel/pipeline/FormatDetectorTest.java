package org.spoolmail.kernel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatDetectorTest {

    @Test
    void printableShouldShowControlCharactersEscapedSoTheyNeverReachTheTerminalRaw() {
        assertEquals("HELLO \\u001B[2J\\u001B]0;t\\u0007", FormatDetector.printable("HELLO \u001b[2J\u001b]0;t\u0007"));
    }

    @Test
    void printableShouldCutTheSampleAt80Characters() {
        assertEquals("x".repeat(80) + "...", FormatDetector.printable("x".repeat(200)));
        assertEquals("short", FormatDetector.printable("short"));
    }
}
