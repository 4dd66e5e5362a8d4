package org.spoolmail.plugins.audit.log;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.spoolmail.exits.mail.RefusedInput;

/**
 * Renders the audit record of a bad spool file (a queued input the parser refused) as one line of JSON in the
 * style of {@link AuditRecord}: time, queue-id, outcome (HELD, DELETED or DISCARDED), reason, condition-code,
 * operator, identity, origin, size-octets, ccsid, records. It has no envelope fields, since the input never had an
 * envelope; {@code spoolmail audit} reads it as a record without recipients.
 */
final class RefusedRecord {

    private RefusedRecord() {
    }

    /**
     * Renders the record.
     *
     * @param refused the input and what was done
     * @param time when the record is written
     * @return the JSON text, without a line end
     */
    static String toJson(RefusedInput refused, Instant time) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("time").value(time.truncatedTo(ChronoUnit.MILLIS).toString());
        json.name("queue-id").value(refused.queueId());
        json.name("outcome").value(refused.action().name());
        json.name("reason").value(refused.reason());
        json.name("condition-code").value(refused.conditionCode());
        json.name("operator").value(refused.operator());
        AuditRecord.identity(json.name("identity"), refused.identity());
        json.name("origin").value(refused.origin());
        json.name("size-octets").value(refused.sizeOctets());
        json.name("ccsid").value(refused.ccsid().number());
        json.name("records").value(refused.records().toString());
        return json.endObject().toString();
    }
}
