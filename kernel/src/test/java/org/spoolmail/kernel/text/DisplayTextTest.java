package org.spoolmail.kernel.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'\u001B]0;pwned\u0007'        | '\\u001B]0;pwned\\u0007'",
        "'\u001B[2J'                   | '\\u001B[2J'",
        "'invoice\u202Efdp.exe'        | 'invoice\\u202Efdp.exe'",
        "'a\u2066b\u2069c\u200Fd'      | 'a\\u2066b\\u2069c\\u200Fd'",
        "'line\u0085forged: line'      | 'line\\u0085forged: line'",
        "'line\r\nspoolmail send: ok'  | 'line\\u000D\\u000Aspoolmail send: ok'",
        "'\u009B31m'                   | '\\u009B31m'",
        "'tab\there'                   | 'tab\\u0009here'"})
    void escapeShouldShowEveryControlSeparatorAndBidiCharacterAsItsCodePointWhenInputHoldsThem(String text,
            String shown) {
        assertEquals(shown, DisplayText.escape(text));
    }

    @ParameterizedTest
    @CsvSource({"PAYROLL RUN PR01 - CONTROL TOTALS [WEEK 48]", "Le dossier 4471 a été validé", "Østfold Drift €"})
    void escapeShouldReturnTheSameTextWhenNothingNeedsEscaping(String text) {
        assertSame(text, DisplayText.escape(text));
    }
}
