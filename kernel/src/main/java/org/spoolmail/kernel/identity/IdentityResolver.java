package org.spoolmail.kernel.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.IdentityFact;

/**
 * Establishes who submitted an input. The user ID comes from the operating system: the account the process runs
 * as ({@code getuid()} through the JDK's {@code UnixSystem}), never from the message. The system name comes from the
 * host. Job name, job ID and program can only be claimed: by flags, or by the environment a scheduler sets
 * ({@code SPOOLMAIL_JOBNAME}, {@code SPOOLMAIL_JOBID}, {@code SPOOLMAIL_PROGRAM}).
 */
public final class IdentityResolver {

    private final Map<String, String> environment;

    /** @param environment the process environment (System.getenv() in production) */
    public IdentityResolver(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * @param origin the input's path or {@code stdin}
     * @param claims what the command line claims
     * @return the identity, user ID and system name established
     */
    public Identity resolve(String origin, Claims claims) {
        return new Identity(IdentityFact.established(osUser()),
                claimed(claims.jobName(), "SPOOLMAIL_JOBNAME"),
                claimed(claims.jobId(), "SPOOLMAIL_JOBID"),
                claimed(claims.program(), "SPOOLMAIL_PROGRAM"),
                IdentityFact.established(hostName()), origin);
    }

    private Optional<IdentityFact> claimed(Optional<String> flag, String variable) {
        return flag.or(() -> Optional.ofNullable(environment.get(variable)))
                .filter(v -> !v.isBlank()).map(IdentityFact::claimed);
    }

    /** The account of the running process, from the OS user database rather than $USER, which anyone can set. */
    static String osUser() {
        try {
            Class<?> unix = Class.forName("com.sun.security.auth.module.UnixSystem");
            Object system = unix.getConstructor().newInstance();
            return (String) unix.getMethod("getUsername").invoke(system);
        } catch (ReflectiveOperationException | LinkageError e) {
            return System.getProperty("user.name");
        }
    }

    private String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.isBlank() ? "localhost" : name;
        } catch (UnknownHostException e) {
            return Optional.ofNullable(environment.get("HOSTNAME")).filter(h -> !h.isBlank()).orElse("localhost");
        }
    }

    /**
     * What the command line claims about the job.
     *
     * @param jobName {@code --job-name}
     * @param jobId {@code --job-id}
     * @param program {@code --program}
     */
    public record Claims(Optional<String> jobName, Optional<String> jobId, Optional<String> program) {
        /** No claims. */
        public static final Claims NONE = new Claims(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
