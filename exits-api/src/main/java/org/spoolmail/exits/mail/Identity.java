package org.spoolmail.exits.mail;

import java.util.Optional;

/**
 * Who submitted a mail object, set by the kernel and never by the message: nothing in the input (a header field,
 * an address, a control statement) can change it. A stage that returns a mail object with a changed identity has
 * its item held.
 *
 * <p>Each fact says whether the operating system vouches for it ({@link IdentityFact#established()}). For
 * {@code spoolmail send} the user ID is the OS account running the process and the system name the host; job name,
 * job ID, step and program come from a scheduler's environment (Control-M, IBM Workload Scheduler, the
 * {@code SPOOLMAIL_*} variables) or from flags, and are always claimed. Exits decide on established facts and may
 * use claimed ones only to narrow what an established user may do, never to widen it.
 *
 * @param userId the OS account that ran the CLI or owns the spool file; established
 * @param jobName the batch job's name (e.g. {@code PAYROLL1}), if known; claimed
 * @param jobId the job's identifier (e.g. {@code JOB01234}, a Control-M order ID), if known; claimed
 * @param program the program that produced the input, if known; claimed
 * @param systemName the system's name (host name or SMF system ID); established
 * @param origin where the input came from: a file path or {@code stdin}; never empty
 * @param step the job step that produced the input (JCL step name, scheduler job step), if known; claimed
 * @since 1.0.0
 */
public record Identity(IdentityFact userId, Optional<IdentityFact> jobName, Optional<IdentityFact> jobId,
        Optional<IdentityFact> program, IdentityFact systemName, String origin, Optional<IdentityFact> step) {

    /**
     * Checks the components.
     *
     * @param userId the OS account
     * @param jobName the job name, or empty
     * @param jobId the job ID, or empty
     * @param program the program, or empty
     * @param systemName the system name
     * @param origin the input's path or {@code stdin}
     * @param step the job step, or empty
     * @throws NullPointerException if a component is null
     * @since 1.0.0
     */
    public Identity {
        java.util.Objects.requireNonNull(userId, "userId");
        java.util.Objects.requireNonNull(jobName, "jobName");
        java.util.Objects.requireNonNull(jobId, "jobId");
        java.util.Objects.requireNonNull(program, "program");
        java.util.Objects.requireNonNull(systemName, "systemName");
        java.util.Objects.requireNonNull(origin, "origin");
        java.util.Objects.requireNonNull(step, "step");
    }

    /**
     * An identity without a job step, as before the step was known to spoolmail.
     *
     * @param userId the OS account
     * @param jobName the job name, or empty
     * @param jobId the job ID, or empty
     * @param program the program, or empty
     * @param systemName the system name
     * @param origin the input's path or {@code stdin}
     * @throws NullPointerException if an argument is null
     * @since 1.0.0
     */
    public Identity(IdentityFact userId, Optional<IdentityFact> jobName, Optional<IdentityFact> jobId,
            Optional<IdentityFact> program, IdentityFact systemName, String origin) {
        this(userId, jobName, jobId, program, systemName, origin, Optional.empty());
    }

    /**
     * An identity with only a user ID and system name, both established, for tests and simple embedding.
     *
     * @param userId the established user ID
     * @param systemName the established system name
     * @param origin where the input came from
     * @return the identity
     * @throws IllegalArgumentException if a value is blank or holds a control character
     * @since 1.0.0
     */
    public static Identity of(String userId, String systemName, String origin) {
        return new Identity(IdentityFact.established(userId), Optional.empty(), Optional.empty(), Optional.empty(),
                IdentityFact.established(systemName), origin, Optional.empty());
    }
}
