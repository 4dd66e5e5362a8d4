package org.spoolmail.exits.mail;

import java.util.Optional;

/**
 * Who submitted a mail object, set by the kernel and never by the message. A stage that returns a mail object
 * with a changed identity has its item held.
 *
 * @param userId the OS account that ran the CLI or owns the spool file
 * @param jobName the batch job's name, if known
 * @param jobId the job's identifier (e.g. JOB01234), if known
 * @param program the program that produced the input, if known
 * @param systemName the system's name (host name or SMF system ID)
 * @param origin where the input came from: a file path or {@code stdin}
 * @since 1.0.0
 */
public record Identity(IdentityFact userId, Optional<IdentityFact> jobName, Optional<IdentityFact> jobId,
        Optional<IdentityFact> program, IdentityFact systemName, String origin) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Identity {
        java.util.Objects.requireNonNull(userId, "userId");
        java.util.Objects.requireNonNull(jobName, "jobName");
        java.util.Objects.requireNonNull(jobId, "jobId");
        java.util.Objects.requireNonNull(program, "program");
        java.util.Objects.requireNonNull(systemName, "systemName");
        java.util.Objects.requireNonNull(origin, "origin");
    }

    /**
     * An identity with only a user ID and system name, for tests and simple embedding.
     *
     * @param userId the established user ID
     * @param systemName the established system name
     * @param origin where the input came from
     * @return the identity
     */
    public static Identity of(String userId, String systemName, String origin) {
        return new Identity(IdentityFact.established(userId), Optional.empty(), Optional.empty(), Optional.empty(),
                IdentityFact.established(systemName), origin);
    }
}
