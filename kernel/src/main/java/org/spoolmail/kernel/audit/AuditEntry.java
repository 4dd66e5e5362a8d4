package org.spoolmail.kernel.audit;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * One audit record as the audit-log plugin writes it (one JSON object per line), with the fields a query filters on
 * and the table shows, and the line itself for {@code --json}. Absent or {@code null} values are empty.
 *
 * @param line the record's line as it is in the file, without its line end
 * @param time when the record was written
 * @param queueId the item's queue ID
 * @param outcome DELIVERED, DEFERRED, REJECTED, HELD, DISCARDED, or DELETED (a bad spool file the spool server
 *     deleted)
 * @param userId the submitter's user ID
 * @param jobName the job name, with whether the operating system established it
 * @param jobId the job ID
 * @param reversePath the final reverse-path, e.g. {@code <a@x>} or {@code <>}
 * @param originalReversePath the reverse-path as parsed, before an exit replaced it
 * @param recipients each recipient with its status (ACCEPTED, DEFERRED, REFUSED, DROPPED, NOT-ATTEMPTED)
 * @param subject the Subject field
 */
public record AuditEntry(String line, Instant time, String queueId, String outcome, Optional<String> userId,
        Optional<Fact> jobName, Optional<String> jobId, String reversePath, String originalReversePath,
        List<Recipient> recipients, Optional<String> subject) {

    private static final JsonFactory JSON = new JsonFactory();
    /** The objects whose members a query reads; every other object or array is skipped unread. */
    private static final Set<String> WANTED_OBJECTS = Set.of("identity", "identity.user-id", "identity.job-name",
            "identity.job-id");

    /**
     * An identity fact.
     *
     * @param value the value
     * @param established true when the operating system vouches for it, false when it is only claimed
     */
    public record Fact(String value, boolean established) {
    }

    /**
     * One recipient of the record.
     *
     * @param address the address, without angle brackets
     * @param status its result
     */
    public record Recipient(String address, String status) {
    }

    /** Copies the list. */
    public AuditEntry {
        recipients = List.copyOf(recipients);
    }

    /**
     * Reads one line, pulling only the fields a query needs from the JSON (a streaming parse: the trace and the
     * other members are skipped, not built).
     *
     * @param line the line, without its line end
     * @return the record
     * @throws IllegalArgumentException if the line is not a JSON object with a {@code time} (an ISO-8601 instant), a
     *     {@code queue-id} and an {@code outcome}; the message says what is wrong
     */
    public static AuditEntry parse(String line) {
        Map<String, String> fields = new HashMap<>();
        List<Recipient> recipients = new ArrayList<>();
        try (JsonParser json = JSON.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            readObject(json, "", fields, recipients);
            if (json.nextToken() != null) {
                throw new IllegalArgumentException("more than one JSON value on the line");
            }
        } catch (IOException e) {
            String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("not a JSON record: " + message);
        }
        Instant time;
        try {
            time = Instant.parse(required(fields, "time"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + fields.get("time") + "' is not an instant");
        }
        String reversePath = fields.getOrDefault("reverse-path", "");
        Optional<Fact> job = Optional.ofNullable(fields.get("identity.job-name.value"))
                .map(v -> new Fact(v, "true".equals(fields.get("identity.job-name.established"))));
        return new AuditEntry(line, time, required(fields, "queue-id"), required(fields, "outcome"),
                Optional.ofNullable(fields.get("identity.user-id.value")), job,
                Optional.ofNullable(fields.get("identity.job-id.value")), reversePath,
                fields.getOrDefault("original-reverse-path", reversePath), recipients,
                Optional.ofNullable(fields.get("subject")));
    }

    /** Reads the members of an object (its START_OBJECT already read) into dotted names, e.g. identity.user-id.value. */
    private static void readObject(JsonParser json, String prefix, Map<String, String> fields,
            List<Recipient> recipients) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + json.currentName();
            JsonToken value = json.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                fields.put(name, json.getText());
            } else if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
                fields.put(name, Boolean.toString(value == JsonToken.VALUE_TRUE));
            } else if (value == JsonToken.START_OBJECT && WANTED_OBJECTS.contains(name)) {
                readObject(json, name + ".", fields, recipients);
            } else if (value == JsonToken.START_ARRAY && name.equals("recipients")) {
                readRecipients(json, recipients);
            } else {
                json.skipChildren();
            }
        }
    }

    private static void readRecipients(JsonParser json, List<Recipient> recipients) throws IOException {
        while (json.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> fields = new HashMap<>();
            readObject(json, "", fields, recipients);
            if (fields.containsKey("address")) {
                recipients.add(new Recipient(fields.get("address"), fields.getOrDefault("status", "")));
            }
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }
}
