package org.spoolmail.sampleexits.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.config.StageConfig;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.mail.AddressPattern;

class DirectorySenderConfigTest {

    @Test
    void entriesShouldConvertToTypedRowsWhenWellFormed() {
        StageConfig config = StageConfig.of(new DirectorySenderExit().configSchema(), Map.of("entries", List.of(
                Map.of("user", "BATCH1", "job", "PAY*", "send-as", List.of("payroll@example.com", "*@r.example.com")),
                Map.of("user", 1234, "send-as", " ops@example.com "))));

        assertEquals(List.of(
                new DirectoryEntry("BATCH1", Optional.of(AddressPattern.of("PAY*")),
                        List.of(AddressPattern.of("payroll@example.com"), AddressPattern.of("*@r.example.com"))),
                new DirectoryEntry("1234", Optional.empty(), List.of(AddressPattern.of("ops@example.com")))),
                config.get(DirectorySenderExit.ENTRIES));
        assertEquals("verify", config.get(DirectorySenderExit.MODE));
    }

    @Test
    void entriesShouldBeEmptyTableWhenGivenAnEmptyList() {
        StageConfig config = StageConfig.of(new DirectorySenderExit().configSchema(), Map.of("entries", List.of()));

        assertEquals(List.of(), config.get(DirectorySenderExit.ENTRIES));
    }

    @Test
    void initShouldFailWhenEntriesAreMissing() {
        assertEquals("config.entries: required key is missing (a list of mappings with user, optional job and send-as)",
                problem(Map.of("mode", "verify")));
    }

    @Test
    void initShouldFailWhenModeIsUnknown() {
        assertEquals("config.mode: 'audit' is not allowed (expected one of verify, replace)",
                problem(Map.of("mode", "audit", "entries", List.of())));
    }

    @Test
    void initShouldFailWhenEntriesIsNotAList() {
        assertEquals("config.entries: expected a list of entries, got a mapping " + EXPECTED,
                problem(Map.of("entries", Map.of("user", "BATCH1"))));
    }

    @Test
    void initShouldNameTheIndexWhenAnEntryIsNotAMapping() {
        assertEquals("config.entries: entries[1]: expected a mapping with user, job and send-as, got 'OPS' "
                + EXPECTED, problem(entries(ops(), "OPS")));
    }

    @Test
    void initShouldNameTheIndexWhenUserIsMissing() {
        assertEquals("config.entries: entries[1]: user is missing " + EXPECTED,
                problem(entries(ops(), Map.of("send-as", "a@example.com"))));
    }

    @Test
    void initShouldNameTheIndexWhenSendAsIsMissing() {
        assertEquals("config.entries: entries[0]: send-as is missing " + EXPECTED,
                problem(entries(Map.of("user", "OPS"))));
    }

    @Test
    void initShouldNameTheIndexWhenSendAsIsEmpty() {
        assertEquals("config.entries: entries[0]: send-as is empty " + EXPECTED,
                problem(entries(Map.of("user", "OPS", "send-as", List.of()))));
    }

    @Test
    void initShouldNameTheIndexAndPositionWhenASendAsPatternHasNoAtSign() {
        assertEquals("config.entries: entries[1].send-as[1]: 'payroll' is not an address pattern: "
                + "address has no '@': 'payroll' " + EXPECTED,
                problem(entries(ops(), Map.of("user", "B", "send-as", List.of("b@example.com", "payroll")))));
    }

    @Test
    void initShouldNameTheIndexWhenAKeyIsUnknown() {
        assertEquals("config.entries: entries[0]: unknown key 'sendas' (known: user, job, send-as, display-name) " + EXPECTED,
                problem(entries(Map.of("user", "OPS", "sendas", "ops@example.com"))));
    }

    @Test
    void initShouldNameTheIndexWhenUserIsAList() {
        assertEquals("config.entries: entries[0]: user must be a single value, got a list " + EXPECTED,
                problem(entries(Map.of("user", List.of("A", "B"), "send-as", "ops@example.com"))));
    }

    @Test
    void initShouldNameTheIndexWhenJobIsBlank() {
        assertEquals("config.entries: entries[0]: job must be printable and not empty " + EXPECTED,
                problem(entries(Map.of("user", "OPS", "job", " ", "send-as", "ops@example.com"))));
    }

    @Test
    void initShouldNameTheIndexWhenTheJobPatternHoldsABlank() {
        assertEquals("config.entries: entries[0].job: address pattern 'PAY 1' holds a blank (U+0020), which no"
                + " address, domain or name may hold " + EXPECTED,
                problem(entries(Map.of("user", "OPS", "job", "PAY 1", "send-as", "ops@example.com"))));
    }

    @Test
    void entriesShouldCarryTheDisplayNameStrippedWhenARowHasOne() {
        StageConfig config = StageConfig.of(new DirectorySenderExit().configSchema(), entries(
                Map.of("user", "OPS", "send-as", "ops@example.com", "display-name", " Operations, HQ ")));

        assertEquals(List.of(new DirectoryEntry("OPS", Optional.empty(), List.of(AddressPattern.of("ops@example.com")),
                Optional.of("Operations, HQ"))), config.get(DirectorySenderExit.ENTRIES));
        assertEquals("keep", config.get(DirectorySenderExit.DISPLAY_NAME));
    }

    @Test
    void initShouldNameTheIndexWhenADisplayNameHoldsALineBreak() {
        assertEquals("config.entries: entries[0]: display-name must be printable and not empty " + EXPECTED,
                problem(entries(Map.of("user", "OPS", "send-as", "ops@example.com", "display-name", "Ops\r\nBcc: x"))));
    }

    @Test
    void initShouldFailWhenDisplayNameIsUnknown() {
        assertEquals("config.display-name: 'rename' is not allowed (expected one of keep, replace, drop)",
                problem(Map.of("display-name", "rename", "entries", List.of())));
    }

    @Test
    void initShouldNameTheEntryWithoutDisplayNameWhenDisplayNameIsReplace() {
        DirectorySenderExit exit = new DirectorySenderExit();
        Map<String, Object> config = Map.of("mode", "replace", "display-name", "replace", "entries", List.of(
                Map.of("user", "OPS", "send-as", "ops@example.com", "display-name", "Ops"),
                Map.of("user", "REPORTS", "send-as", "*@reports.example.com"),
                Map.of("user", "BATCH1", "send-as", "payroll@example.com")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> exit.init(FakeStageContext.of(exit, config, Path.of("."))));

        assertEquals("display-name: replace needs a display-name in every entry with a send-as address without"
                + " wildcards; entries[2] has none", e.getMessage());
    }

    private static final String EXPECTED = "(expected a list of mappings with user, optional job and send-as)";

    private static Map<String, Object> ops() {
        return Map.of("user", "OPS", "send-as", "ops@example.com");
    }

    private static Map<String, Object> entries(Object... rows) {
        return Map.of("entries", List.of(rows));
    }

    private static String problem(Map<String, Object> config) {
        return assertThrows(IllegalArgumentException.class,
                () -> FakeStageContext.of(new DirectorySenderExit(), config, Path.of("."))).getMessage();
    }
}
