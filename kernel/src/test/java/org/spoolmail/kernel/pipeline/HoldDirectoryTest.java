package org.spoolmail.kernel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HoldDirectoryTest {

    @Test
    void safeNameShouldKeepAnInputNameFromForgingLinesOrLeavingTheFolder() {
        assertEquals("x_condition-code__0_hold-cause__NONE",
                HoldDirectory.safeName("x\ncondition-code: 0\nhold-cause: NONE"));
        assertEquals("__x", HoldDirectory.safeName("../x"));
        assertEquals("payroll.smtp", HoldDirectory.safeName("payroll.smtp"));
    }

    @Test
    void safeNameShouldCutALongNameTo100Characters() {
        assertEquals("a".repeat(100), HoldDirectory.safeName("a".repeat(250)));
    }
}
