package org.spoolmail.kernel.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.spoolmail.exits.mail.MailObject;

/**
 * What exit routines changed in a mail object's envelope: each recipient that was admitted (attribute
 * {@code original-forward-paths}) but is no longer in the envelope, with the routine that dropped it and its reason
 * as the verify-recipients exit point recorded them (attribute {@code dropped-by:<forward-path>}, value
 * {@code <routine>: <reason>}), and each REPLACE of the sender with its routine and reason, from the trace.
 * {@code send} and {@code check} show them, so that no change by an exit is silent.
 */
final class MailChanges {

    /** How the recipient exit point's trace reason names what a REPLACE dropped, e.g. {@code (dropped <a@x>)}. */
    private static final String DROPPED = " (dropped ";
    /**
     * Key prefix of the attribute the verify-recipients exit point records per dropped forward-path, e.g.
     * {@code dropped-by:<a@x>} = {@code domain-policy: <reason>}.
     */
    private static final String DROPPED_BY = "dropped-by:";
    private static final String NONE_NAMED = " (none of the named recipients is in the envelope)";
    private static final String REPLACE = "REPLACE";

    /**
     * A recipient an exit routine dropped.
     *
     * @param path the forward-path as admitted, e.g. {@code <x@gmail.com>}
     * @param routine the routine that dropped it; {@code a stage} when no routine's trace names it
     * @param reason the routine's reason
     */
    record Drop(String path, String routine, String reason) {
    }

    /**
     * A REPLACE of the sender.
     *
     * @param routine the routine that replaced it
     * @param reason its reason
     */
    record Replacement(String routine, String reason) {
    }

    private MailChanges() {
    }

    /**
     * @param mail the mail object as it ended
     * @return the recipients dropped since admission, in the order they were admitted
     */
    static List<Drop> drops(MailObject mail) {
        Set<String> now = mail.envelope().forwardPaths().stream().map(Object::toString).collect(Collectors.toSet());
        List<Drop> drops = new ArrayList<>();
        for (String path : admitted(mail)) {
            if (!now.contains(path)) {
                drops.add(dropOf(mail, path));
            }
        }
        return drops;
    }

    /**
     * @param mail the mail object as it ended
     * @return each exit routine's REPLACE of the sender, in trace order
     */
    static List<Replacement> replacements(MailObject mail) {
        return mail.trace().stream().filter(t -> t.decision().equals(REPLACE) && t.routine().isPresent())
                .filter(t -> !t.reason().contains(DROPPED) && !t.reason().endsWith(NONE_NAMED))
                .map(t -> new Replacement(t.routine().get(), t.reason())).toList();
    }

    private static List<String> admitted(MailObject mail) {
        Optional<String> original = mail.attributes().get("original-forward-paths").filter(s -> !s.isEmpty());
        // Forward-paths are <...>: a comma inside a quoted local part never follows a '>'.
        return original.map(s -> Arrays.asList(s.split("(?<=>),"))).orElse(List.of());
    }

    private static Drop dropOf(MailObject mail, String path) {
        Optional<String> by = mail.attributes().get(DROPPED_BY + path);
        int colon = by.map(v -> v.indexOf(": ")).orElse(-1);
        if (colon < 0) {
            return new Drop(path, "a stage", "removed from the envelope");
        }
        return new Drop(path, by.get().substring(0, colon), by.get().substring(colon + 2));
    }
}
