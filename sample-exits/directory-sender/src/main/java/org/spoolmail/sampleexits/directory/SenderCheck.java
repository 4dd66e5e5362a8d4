package org.spoolmail.sampleexits.directory;

import java.util.List;
import java.util.Optional;

/**
 * Checks a sender against the directory rows that apply to the submitter: one row must allow the reverse-path and
 * every address of the From header field together, so that two rows for different jobs cannot be combined into a
 * permission neither grants.
 */
final class SenderCheck {

    /**
     * An address no applicable row allows.
     *
     * @param address the address as the mail gave it
     * @param field where it stands: {@code reverse-path} or {@code From header field}
     */
    record Refusal(String address, String field) {
    }

    private SenderCheck() {
    }

    /**
     * Finds the first address that is not allowed.
     *
     * @param entries the rows that apply to the submitter and job
     * @param reversePath the reverse-path's address
     * @param fromAddresses the From header field's addresses; empty when there is no From
     * @return the refusal, or empty if one row allows every address
     */
    static Optional<Refusal> firstRefused(List<DirectoryEntry> entries, String reversePath,
            List<String> fromAddresses) {
        List<DirectoryEntry> candidates = entries.stream().filter(e -> e.allows(reversePath)).toList();
        if (candidates.isEmpty()) {
            return Optional.of(new Refusal(reversePath, "reverse-path"));
        }
        for (String from : fromAddresses) {
            candidates = candidates.stream().filter(e -> e.allows(from)).toList();
            if (candidates.isEmpty()) {
                return Optional.of(new Refusal(from, "From header field"));
            }
        }
        return Optional.empty();
    }
}
