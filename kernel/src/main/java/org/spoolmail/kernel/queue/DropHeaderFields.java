package org.spoolmail.kernel.queue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * Checks every field of a drop file's header when the server takes the drop in, so that what a job wrote by hand
 * (not through {@code submit}) is refused there, as a bad spool file with the field and the reason, and never fails
 * a worker later: each claim must be a value an identity fact can hold (not blank, no control character), each
 * number a number in range, no field unknown or given twice.
 */
final class DropHeaderFields {

    private static final String CLAIM = "claim.";
    private static final String OPTION = "option";
    private static final List<String> FIELDS = List.of(DropFile.MAGIC, "origin", "format", "ccsid", "records",
            "index", "state", "reason");
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,10}");

    private DropHeaderFields() {
    }

    /**
     * @param lines the header's {@code key: value} lines in order
     * @param owner the drop's owner, established by the server
     * @return the drop they describe
     * @throws IllegalArgumentException naming the header field and why, if one is missing, unknown, repeated or bad
     */
    static DropFile.Drop read(List<Map.Entry<String, String>> lines, String owner) {
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, String> claims = new LinkedHashMap<>();
        List<String> options = new java.util.ArrayList<>();
        for (Map.Entry<String, String> e : lines) {
            String key = e.getKey();
            if (key.equals(OPTION)) {
                // send's command-line options, one per line and repeatable; shown by queue show, never obeyed
                checkPrintable(key, e.getValue(), "an option");
                options.add(e.getValue());
                continue;
            }
            boolean claim = key.startsWith(CLAIM) && Submission.CLAIM_KEYS.contains(key.substring(CLAIM.length()));
            if (!claim && !FIELDS.contains(key) && !CarriedFile.isKey(key)) {
                throw bad(key, "not a field of a drop file header (known: " + String.join(", ", known()) + ")");
            }
            if ((claim ? claims : v).put(claim ? key.substring(CLAIM.length()) : key, e.getValue()) != null) {
                throw bad(key, "given twice");
            }
            if (claim) {
                checkPrintable(key, e.getValue(), "a claim");
            }
        }
        if (!"1".equals(v.get(DropFile.MAGIC))) {
            throw new IllegalArgumentException("not a spoolmail drop file (no '" + DropFile.MAGIC + ": 1' header)");
        }
        for (String key : List.of("origin", "ccsid", "records", "index")) {
            if (!v.containsKey(key)) {
                throw new IllegalArgumentException("drop file header lacks '" + key + "'");
            }
        }
        if (v.get("origin").isBlank()) {
            throw bad("origin", "blank");
        }
        Optional<String> format = Optional.ofNullable(v.get("format"));
        if (format.isPresent() && !FORMAT.matcher(format.get()).matches()) {
            throw bad("format", "'" + format.get() + "' is not a parser name such as smtp-datastream");
        }
        ItemState state = switch (v.getOrDefault("state", "incoming")) {
            case "incoming" -> ItemState.INCOMING;
            case "held" -> ItemState.HELD;
            case "deferred" -> ItemState.DEFERRED;
            default -> throw bad("state", "'" + v.get("state") + "' is not incoming, held or deferred");
        };
        return new DropFile.Drop(new Submission(owner, true, claims, v.get("origin"), format, ccsid(v.get("ccsid")),
                records(v.get("records")), index(v.get("index")), options, carried(v)), state,
                Optional.ofNullable(v.get("reason")));
    }

    /**
     * A claim becomes an identity fact of the mail object, so it must be one: printable and not blank; an option is
     * printed by queue show, so the same holds for it.
     */
    private static void checkPrintable(String key, String value, String what) {
        if (value.isBlank()) {
            throw bad(key, "blank; " + what + " must be printable text");
        }
        int at = HeaderField.firstControl(value);
        if (at >= 0) {
            throw bad(key, String.format(Locale.ROOT, "the control character U+%04X at position %d; " + what
                    + " must be printable text", (int) value.charAt(at), at + 1));
        }
    }

    private static List<CarriedFile> carried(Map<String, String> v) {
        try {
            return CarriedFile.read(v);
        } catch (IllegalArgumentException e) {
            throw bad("file", e.getMessage());
        }
    }

    private static Ccsid ccsid(String text) {
        try {
            return Ccsid.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad("ccsid", e.getMessage());
        }
    }

    private static RecordFormat records(String text) {
        try {
            return RecordFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad("records", e.getMessage());
        }
    }

    private static int index(String text) {
        if (!DIGITS.matcher(text).matches() || Long.parseLong(text) > Integer.MAX_VALUE) {
            throw bad("index", "'" + text + "' is not a mail object number from 0 to " + Integer.MAX_VALUE);
        }
        return Integer.parseInt(text);
    }

    private static List<String> known() {
        List<String> names = new java.util.ArrayList<>(FIELDS);
        names.add(OPTION);
        names.add(CarriedFile.KEYS);
        Submission.CLAIM_KEYS.forEach(k -> names.add(CLAIM + k));
        return names;
    }

    private static IllegalArgumentException bad(String field, String why) {
        return new IllegalArgumentException("drop file header field '" + field + "': " + why);
    }
}
