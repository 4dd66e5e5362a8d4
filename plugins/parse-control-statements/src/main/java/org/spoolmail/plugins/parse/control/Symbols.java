package org.spoolmail.plugins.parse.control;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.IdentityFact;

/**
 * The system symbols of a deck, in the manner of JCL symbols: {@code &DATE} (YYYY-MM-DD), {@code &TIME}
 * (HH:MM:SS), {@code &JOBNAME}, {@code &JOBID}, {@code &USERID} and {@code &SYSNAME}. A name is the longest run of
 * upper-case letters and digits after the '&'; a '.' right after a symbol ends it and is dropped ({@code &JOBNAME..TXT}
 * gives {@code PAYROLL1.TXT}); {@code &&} stands for one '&'. Any other '&' stays as written, so {@code AT&T} and
 * HTML entities such as {@code &nbsp;} survive. Identity facts are taken as the kernel gives them, claimed ones
 * included. Immutable.
 */
final class Symbols {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Map<String, Optional<String>> values;

    private Symbols(Map<String, Optional<String>> values) {
        this.values = values;
    }

    /**
     * The symbols of one run.
     *
     * @param identity the submitter, as the kernel established it
     * @param now the time of the run
     * @param zone the zone of {@code &DATE} and {@code &TIME}
     * @return the symbols
     */
    static Symbols of(Identity identity, Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        Map<String, Optional<String>> v = new LinkedHashMap<>();
        v.put("DATE", Optional.of(DATE.format(local)));
        v.put("TIME", Optional.of(TIME.format(local)));
        v.put("JOBNAME", identity.jobName().map(IdentityFact::value));
        v.put("JOBID", identity.jobId().map(IdentityFact::value));
        v.put("USERID", Optional.of(identity.userId().value()));
        v.put("SYSNAME", Optional.of(identity.systemName().value()));
        return new Symbols(v);
    }

    /**
     * Replaces the symbols in a text.
     *
     * @param text the text as written
     * @return the text with symbols replaced and {@code &&} made '&'
     * @throws UnknownValueException if a symbol has no value in this run (no job name or job ID is known)
     */
    String substitute(String text) throws UnknownValueException {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '&') {
                out.append('&');
                i += 2;
            } else {
                i = symbol(text, i, out);
            }
        }
        return out.toString();
    }

    /** Appends the value of the symbol at {@code amp} (or the text as written) and returns where to go on. */
    private int symbol(String text, int amp, StringBuilder out) throws UnknownValueException {
        int end = amp + 1;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        String name = text.substring(amp + 1, end);
        if (!values.containsKey(name)) {
            out.append(text, amp, end);
            return end;
        }
        out.append(values.get(name).orElseThrow(() -> new UnknownValueException(name)));
        return end < text.length() && text.charAt(end) == '.' ? end + 1 : end;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** A symbol that has no value in this run, such as {@code &JOBNAME} when no job name is known. */
    static final class UnknownValueException extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownValueException(String name) {
            super("symbol &" + name + " has no value in this run (no " + (name.equals("JOBID") ? "job ID" : "job name")
                    + " is known: give --job-" + (name.equals("JOBID") ? "id" : "name") + " or SPOOLMAIL_"
                    + name + "); write &&" + name + " for the text itself");
        }
    }
}
