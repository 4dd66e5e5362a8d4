package org.spoolmail.plugins.audit.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.TraceEntry;

/**
 * The recipients exit routines dropped, read from the mail object's attributes and trace: each forward-path the
 * kernel admitted (attribute {@code original-forward-paths}, comma-separated) that is no longer in the envelope,
 * with the routine whose REPLACE trace entry names it ({@code (dropped <a@x>, <b@y>)}) and that routine's reason.
 */
final class DroppedRecipients {

    /** How the recipient exit point's trace reason names what a REPLACE dropped, e.g. {@code (dropped <a@x>)}. */
    private static final String DROPPED = " (dropped ";
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
        List<TraceEntry> trace = mail.trace();
        for (int i = trace.size() - 1; i >= 0; i--) {
            TraceEntry t = trace.get(i);
            int at = t.reason().lastIndexOf(DROPPED);
            if (t.decision().equals(REPLACE) && t.routine().isPresent() && at >= 0
                    && names(t.reason().substring(at + DROPPED.length()), path)) {
                return new Drop(path, t.routine().get(), t.reason().substring(0, at));
            }
        }
        return new Drop(path, "a stage", "removed from the envelope");
    }

    private static boolean names(String droppedList, String path) {
        String list = droppedList.endsWith(")") ? droppedList.substring(0, droppedList.length() - 1) : droppedList;
        return Arrays.stream(list.split("(?<=>), ")).anyMatch(p -> p.equalsIgnoreCase(path));
    }
}
