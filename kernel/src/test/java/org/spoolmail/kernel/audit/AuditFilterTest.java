package org.spoolmail.kernel.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The matching rules of {@code spoolmail audit}'s filters, on records in the audit-log plugin's exact shape. */
class AuditFilterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    /** A record as the audit-log plugin wrote it (RelayOutcomesIT's run), with the sender replaced by an exit. */
    static final String RECORD = "{\"time\":\"2026-12-04T10:57:38.692Z\",\"queue-id\":\"20261204T105738-2c3c94-0001\","
            + "\"message-id\":\"<20261204105738.4956f2e6b3a48f78@example.com>\",\"outcome\":\"DELIVERED\","
            + "\"reason\":\"\",\"hold-cause\":null,\"condition-code\":4,\"held-in\":null,\"identity\":{\"user-id\":"
            + "{\"value\":\"batch1\",\"established\":true},\"job-name\":{\"value\":\"PAYROLL1\",\"established\":false},"
            + "\"job-id\":{\"value\":\"JOB04711\",\"established\":false},\"program\":null,\"system-name\":{\"value\":"
            + "\"vm\",\"established\":true}},\"origin\":\"/u/batch1/pr01.smtp\",\"original-reverse-path\":"
            + "\"<Batch@Node1.Example.COM>\",\"reverse-path\":\"<payroll@example.com>\",\"original-from\":"
            + "\"batch@example.com\",\"from\":\"batch@example.com\",\"recipients\":[{\"address\":"
            + "\"hr.reports@example.com\",\"status\":\"ACCEPTED\",\"reply\":\"250 2.0.0 Ok\"},{\"address\":"
            + "\"ops@example.net\",\"status\":\"DEFERRED\",\"reply\":\"451 4.2.1 mailbox busy\"}],\"subject\":"
            + "\"Control totals PR01\",\"attachments\":0,\"size-octets\":13,\"reply\":\"250 2.0.0 Ok\","
            + "\"relay-reply\":\"250 2.0.0 Ok\",\"trace\":[]}";

    private static final AuditEntry ENTRY = AuditEntry.parse(RECORD);

    @Test
    void parseShouldReadTheFieldsAQueryUsesWhenGivenAnAuditLogRecord() {
        assertEquals(Instant.parse("2026-12-04T10:57:38.692Z"), ENTRY.time());
        assertEquals("20261204T105738-2c3c94-0001", ENTRY.queueId());
        assertEquals(Optional.of("batch1"), ENTRY.userId());
        assertEquals(Optional.of(new AuditEntry.Fact("PAYROLL1", false)), ENTRY.jobName());
        assertEquals("<payroll@example.com>", ENTRY.reversePath());
        assertEquals("<Batch@Node1.Example.COM>", ENTRY.originalReversePath());
        assertEquals(new AuditEntry.Recipient("ops@example.net", "DEFERRED"), ENTRY.recipients().get(1));
    }

    @Test
    void matchesShouldFindABadSpoolFileRecordByUserOutcomeAndSinceWhenItHasNoEnvelope() {
        // As the audit-log plugin writes a bad spool file the spool server deleted (AuditLogObserverTest's shape).
        AuditEntry refused = AuditEntry.parse("{\"time\":\"2026-12-04T11:00:00Z\",\"queue-id\":"
                + "\"20261204T120000-abcdef-0001\",\"outcome\":\"DELETED\",\"reason\":\"bad spool file: JOB42: record 3:"
                + " unknown command\",\"condition-code\":12,\"operator\":null,\"identity\":{\"user-id\":{\"value\":"
                + "\"batch1\",\"established\":true},\"job-name\":null,\"job-id\":null,\"program\":null,"
                + "\"system-name\":{\"value\":\"vm\",\"established\":true}},\"origin\":\"JOB42\",\"size-octets\":88,"
                + "\"ccsid\":819,\"records\":\"lf\"}");

        assertEquals(Optional.of("batch1"), refused.userId());
        assertEquals("", refused.reversePath());
        assertEquals(List.of(), refused.recipients());
        assertTrue(filter("user", "batch1").matches(refused));
        assertTrue(filter("outcome", "deleted").matches(refused));
        assertFalse(filter("outcome", "HELD").matches(refused));
        assertTrue(filter("since", "2h").matches(refused));
        assertFalse(filter("since", "30m").matches(refused));
    }

    @Test
    void matchesShouldCompareAddressesIgnoringCaseWithWildcardsOrByDomain() {
        assertTrue(filter("sender", "PAYROLL@EXAMPLE.com").matches(ENTRY));
        assertTrue(filter("sender", "batch@node1.example.com").matches(ENTRY), "the sender as parsed");
        assertTrue(filter("sender", "*.example.com").matches(ENTRY), "a domain alone");
        assertFalse(filter("sender", "example.net").matches(ENTRY));
        assertTrue(filter("recipient", "*@Example.NET").matches(ENTRY), "a deferred recipient counts");
        assertTrue(filter("recipient", "<hr.reports@example.com>").matches(ENTRY));
        assertFalse(filter("recipient", "hr@example.com").matches(ENTRY));
        assertFalse(filter("sender", "<>").matches(ENTRY));
        assertTrue(filter("sender", "<>").matches(AuditEntry.parse(RECORD.replace("<payroll@example.com>", "<>")
                .replace("<Batch@Node1.Example.COM>", "<>"))));
    }

    @Test
    void matchesShouldTakeJobNameOrJobIdAndUserWithWildcards() {
        assertTrue(filter("job", "pay*").matches(ENTRY));
        assertTrue(filter("job", "JOB04711").matches(ENTRY));
        assertFalse(filter("job", "PAY").matches(ENTRY));
        assertTrue(filter("user", "BATCH?").matches(ENTRY));
        assertFalse(filter("user", "batch").matches(ENTRY));
    }

    @Test
    void matchesShouldIncludeSinceAndExcludeUntil() {
        assertTrue(filter("since", "2026-12-04T10:57:38.692Z").matches(ENTRY));
        assertFalse(filter("until", "2026-12-04T10:57:38.692Z").matches(ENTRY));
        assertTrue(filter("until", "2026-12-04").matches(ENTRY), "a date includes the whole day");
        assertTrue(filter("since", "2h").matches(ENTRY));
        assertFalse(filter("since", "1h").matches(ENTRY));
        assertTrue(filter("outcome", "held,delivered").matches(ENTRY));
        assertFalse(filter("outcome", "DEFERRED").matches(ENTRY));
    }

    @Test
    void mayMatchDayShouldSkipDaysOutsideTheRange() {
        AuditFilter f = AuditFilter.of(Map.of("since", "2026-12-02T23:59:59Z", "until", "2026-12-04"), CLOCK);

        assertFalse(f.mayMatchDay(LocalDate.parse("2026-12-01")));
        assertTrue(f.mayMatchDay(LocalDate.parse("2026-12-02")));
        assertTrue(f.mayMatchDay(LocalDate.parse("2026-12-04")));
        assertFalse(f.mayMatchDay(LocalDate.parse("2026-12-05")));
    }

    @Test
    void ofShouldNameTheOptionAndReasonWhenAValueIsBad() {
        assertEquals("--since: 'yesterday' is not a time: give an ISO-8601 instant (2026-12-04T10:15:00Z), a date"
                + " (2026-12-04, UTC) or an age (90s, 30m, 2h, 7d)", error("since", "yesterday"));
        assertEquals("--outcome: 'SENT' is not an outcome: give one or more of DELIVERED, DEFERRED, REJECTED, HELD,"
                + " DISCARDED, DELETED, separated by commas", error("outcome", "delivered,SENT"));
        assertEquals("--recipient: address pattern 'a b@example.com' holds a blank (U+0020), which no address, domain or name"
                + " may hold", error("recipient", "a b@example.com"));
        assertEquals("--since 2026-12-05 is not before --until 2026-12-04", assertThrows(
                IllegalArgumentException.class, () -> AuditFilter.of(Map.of("since", "2026-12-05", "until",
                        "2026-12-04"), CLOCK)).getMessage());
    }

    private static AuditFilter filter(String option, String value) {
        return AuditFilter.of(Map.of(option, value), CLOCK);
    }

    private static String error(String option, String value) {
        return assertThrows(IllegalArgumentException.class, () -> filter(option, value)).getMessage();
    }
}
