package org.spoolmail.kernel.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a pipeline is loaded for, and so which stage roles it cannot do without. A pipeline that lacks one passes
 * every other check and then holds (or mis-sends) every message, so it is refused before the first one (condition
 * code 16), naming the missing role. Roles are the {@code stage:} names of DESIGN.md; a site may fill each with its
 * own plugin ({@code use:}), but not leave it out. Whatever the purpose, the roles a pipeline has must come in the
 * design's order: mime-encode marks binary parts base64 before codepage-translate, and deliver sends what those two
 * made.
 */
public enum PipelinePurpose {

    /**
     * {@code send}, the spool server, and an embedding application that delivers mail: every role, since the mail
     * goes out (deliver), is built and translated first (mime-encode, codepage-translate), and is recorded (log).
     */
    SEND(List.of(Role.MIME_ENCODE, Role.CODEPAGE_TRANSLATE, Role.DELIVER, Role.LOG)),

    /**
     * The embedding API: the roles that make the mail go out right (mime-encode, codepage-translate, deliver). The
     * log stage is the application's choice: it receives every outcome as a return value and may record it itself.
     */
    EMBED(List.of(Role.MIME_ENCODE, Role.CODEPAGE_TRANSLATE, Role.DELIVER)),

    /**
     * {@code check}: everything up to delivery, so that its report and condition code are the ones {@code send}
     * would give; no deliver stage (nothing is sent) and no log stage (nothing is recorded).
     */
    CHECK(List.of(Role.MIME_ENCODE, Role.CODEPAGE_TRANSLATE)),

    /** {@code plugins --config}: a pipeline only shown, never run; its shape and order are checked. */
    INSPECT(List.of());

    private final List<Role> required;

    PipelinePurpose(List<Role> required) {
        this.required = required;
    }

    /**
     * A problem found in the roles of a pipeline.
     *
     * @param path the YAML path ({@code pipeline}, or the misplaced entry's, e.g. {@code pipeline[3]})
     * @param problem what is wrong and what to do
     */
    public record RoleProblem(String path, String problem) {
    }

    /**
     * Checks the roles of a pipeline's entries for this purpose.
     *
     * @param entries the entries in pipeline order
     * @return the missing roles in pipeline order, then the misplaced ones; empty when the pipeline may run
     */
    public List<RoleProblem> problems(List<StageEntry> entries) {
        List<RoleProblem> problems = new ArrayList<>();
        for (Role role : required) {
            if (first(entries, role).isEmpty()) {
                problems.add(new RoleProblem("pipeline", role.missing));
            }
        }
        List<Role> ordered = List.of(Role.MIME_ENCODE, Role.CODEPAGE_TRANSLATE, Role.DELIVER);
        for (int i = 1; i < ordered.size(); i++) {
            Optional<StageEntry> later = first(entries, ordered.get(i));
            for (Role earlier : ordered.subList(0, i)) {
                Optional<StageEntry> before = first(entries, earlier);
                if (later.isPresent() && before.isPresent()
                        && position(entries, later.get()) < position(entries, before.get())) {
                    problems.add(new RoleProblem(later.get().path(), "'stage: " + ordered.get(i).name
                            + "' must come after 'stage: " + earlier.name + "' (" + before.get().path() + "): "
                            + ordered.get(i).after));
                }
            }
        }
        return problems;
    }

    /** The entry's index by identity: a record's equals() would cost a method-handle bootstrap at each start. */
    private static int position(List<StageEntry> entries, StageEntry entry) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) == entry) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<StageEntry> first(List<StageEntry> entries, Role role) {
        return entries.stream().filter(e -> !e.exitPoint() && e.role().equals(role.name)).findFirst();
    }

    /** The roles a pipeline may be refused for, with why each is needed. */
    private enum Role {
        MIME_ENCODE("mime-encode", "has no 'stage: mime-encode' entry, so mail would go without Message-ID, Date"
                + " and MIME structure, and a Bcc written in the data would reach every recipient: add one after the"
                + " exit points (use: mime-encode)", ""),
        CODEPAGE_TRANSLATE("codepage-translate", "has no 'stage: codepage-translate' entry, so every message would"
                + " be held, its text still in the input's CCSID: add one after mime-encode (use: codepage-translate)",
                "binary parts are marked base64 first, so that translation cannot touch their bytes"),
        DELIVER("deliver", "has no 'stage: deliver' entry, so mail would go nowhere: add one"
                + " (deliver-outbox writes .eml files, deliver-smtp relays); only spoolmail check runs without",
                "it sends the message as the stages before it built and translated it"),
        LOG("log", "has no 'stage: log' entry, so no audit record would say who sent what to whom: add one at the"
                + " end (use: audit-log); spoolmail check and an embedding application may run without", "");

        private final String name;
        private final String missing;
        private final String after;

        Role(String name, String missing, String after) {
            this.name = name;
            this.missing = missing;
            this.after = after;
        }
    }
}
