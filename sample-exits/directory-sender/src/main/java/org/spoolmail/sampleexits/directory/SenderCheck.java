package org.spoolmail.sampleexits.directory;

import java.util.List;
import java.util.Optional;

/**
 * Checks a sender against the directory rows that apply to the submitter: one row must allow the reverse-path and
 * every address of the From, Sender and Reply-To header fields together, so that two rows for different jobs cannot
 * be combined into a permission neither grants.
 */
final class SenderCheck {

    /**
     * An address and where it stands: one to check, or one no applicable row allows.
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
     * @param headerAddresses the header fields' addresses, each with its field ({@code From header field});
     *     empty when there are none
     * @return the refusal, or empty if one row allows every address
     */
    static Optional<Refusal> firstRefused(List<DirectoryEntry> entries, String reversePath,
            List<Refusal> headerAddresses) {
        List<DirectoryEntry> candidates = entries.stream().filter(e -> e.allows(reversePath)).toList();
        if (candidates.isEmpty()) {
            return Optional.of(new Refusal(reversePath, "reverse-path"));
        }
        for (Refusal claim : headerAddresses) {
            candidates = candidates.stream().filter(e -> e.allows(claim.address())).toList();
            if (candidates.isEmpty()) {
                return Optional.of(claim);
            }
        }
        return Optional.empty();
    }
}
