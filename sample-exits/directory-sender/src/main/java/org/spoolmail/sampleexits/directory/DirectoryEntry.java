package org.spoolmail.sampleexits.directory;

import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.AddressPattern;
import org.spoolmail.exits.mail.IdentityFact;
import org.spoolmail.exits.mail.Mailbox;

/**
 * One row of the sender directory: an OS user ID, optionally narrowed to job names, the addresses that user
 * may send as, and optionally the display name a REPLACE writes with them.
 *
 * @param user the user ID, compared ignoring case
 * @param job the job-name pattern, or empty for any job (and for work without a job name)
 * @param sendAs the address patterns, at least one
 * @param displayName the From display name for {@code display-name: replace}, as a reader sees it; or empty
 */
record DirectoryEntry(String user, Optional<AddressPattern> job, List<AddressPattern> sendAs,
        Optional<String> displayName) {

    DirectoryEntry {
        sendAs = List.copyOf(sendAs);
    }

    DirectoryEntry(String user, Optional<AddressPattern> job, List<AddressPattern> sendAs) {
        this(user, job, sendAs, Optional.empty());
    }

    /** @return true if this row is about the user ID, ignoring case */
    boolean isFor(String userId) {
        return user.equalsIgnoreCase(userId);
    }

    /**
     * Tells whether this row applies to a job. A row with a job pattern matches only a job name that is known,
     * established or claimed; a row without one applies to every job.
     *
     * @param jobName the identity's job name, if any
     * @return true if the row applies
     */
    boolean appliesTo(Optional<IdentityFact> jobName) {
        return job.isEmpty() || jobName.map(j -> job.get().matches(j.value())).orElse(false);
    }

    /** @return true if one of the send-as patterns matches the address, ignoring case */
    boolean allows(String address) {
        String canonical = Mailbox.canonical(address); // "batch1"@x is batch1@x: one spelling per mailbox
        return sendAs.stream().anyMatch(p -> p.matches(canonical));
    }

    /** @return the first send-as address without a wildcard, the one REPLACE sends as */
    Optional<Mailbox> firstPlainAddress() {
        return sendAs.stream().filter(p -> !p.hasWildcard()).map(p -> Mailbox.parse(p.toString())).findFirst();
    }
}
