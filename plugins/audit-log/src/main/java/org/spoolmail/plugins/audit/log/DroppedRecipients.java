package org.spoolmail.plugins.audit.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.spoolmail.exits.mail.MailObject;

/**
 * The recipients exit routines dropped, read from the mail object's attributes: each forward-path the kernel
 * admitted (attribute {@code original-forward-paths}, comma-separated) that is no longer in the envelope, with the
 * routine and reason the verify-recipients exit point recorded for it (attribute {@code dropped-by:<forward-path>},
 * value {@code <routine>: <reason>}). The trace text is for people and is not parsed.
 */
final class DroppedRecipients {

    /**
     * Key prefix of the attribute the verify-recipients exit point records per dropped forward-path, e.g.
     * {@code dropped-by:<a@x>} = {@code domain-policy: <reason>}.
     */
    private static final String DROPPED_BY = "dropped-by:";

    /**
     * A recipient an exit routine dropped.
     *
     * @param path the forward-path as admitted, e.g. {@code <x@gmail.com>}
     * @param routine the routine that dropped it; {@code a stage} when no routine's trace names it
     * @param reason the routine's reason
     */
    record Drop(String path, String routine, String reason) {
    }

    private DroppedRecipients() {
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
