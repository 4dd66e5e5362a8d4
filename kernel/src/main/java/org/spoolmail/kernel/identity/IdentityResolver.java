package org.spoolmail.kernel.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.IdentityFact;
import org.spoolmail.kernel.config.ConfigException;

/**
 * Establishes who submitted an input. The user ID comes from the operating system: the account the process runs
 * as ({@link OsAccount}: {@code getuid()} through the JDK's {@code UnixSystem}), never from the message nor from
 * {@code $USER} or the {@code user.name} property, which anyone can set; when the OS cannot be asked, no resolver is
 * made (fail closed). The system name comes from the host. Both are established.
 *
 * <p>Job name, job ID, step and program can only be claimed, first by a flag, then by the environment a scheduler
 * sets, in this order:
 * <ol>
 *   <li>spoolmail's own {@code SPOOLMAIL_JOBNAME}, {@code SPOOLMAIL_JOBID}, {@code SPOOLMAIL_STEP},
 *       {@code SPOOLMAIL_PROGRAM}: a Control-M job sets them from its AutoEdit variables ({@code %%JOBNAME},
 *       {@code %%ORDERID}) in the job's variables, which the Control-M/Agent passes to the job's environment;</li>
 *   <li>IBM Workload Scheduler (TWS/IWS) jobman: {@code UNISON_JOB} ({@code WORKSTATION#STREAM.JOB}, the part after
 *       the last '.' is the job name) and {@code UNISON_JOBNUM};</li>
 *   <li>Hitachi JP1/AJS3: {@code AJSJOBNAME} and {@code AJSEXECID}.</li>
 * </ol>
 * cron sets none of these: a cron job has no job name unless it claims one. The spool server will establish the
 * user ID from the spool file's owner instead of the process; that comes with the spool server.
 */
public final class IdentityResolver {

    private static final List<Variable> JOB_NAME = List.of(new Variable("SPOOLMAIL_JOBNAME"),
            new Variable("UNISON_JOB", IdentityResolver::afterLastDot), new Variable("AJSJOBNAME"));
    private static final List<Variable> JOB_ID = List.of(new Variable("SPOOLMAIL_JOBID"),
            new Variable("UNISON_JOBNUM"), new Variable("AJSEXECID"));
    private static final List<Variable> STEP = List.of(new Variable("SPOOLMAIL_STEP"));
    private static final List<Variable> PROGRAM = List.of(new Variable("SPOOLMAIL_PROGRAM"));

    private final Map<String, String> environment;
    private final OsAccount account;

    /**
     * @param environment the process environment (System.getenv() in production)
     * @throws ConfigException if the operating system cannot say which account runs the process
     */
    public IdentityResolver(Map<String, String> environment) throws ConfigException {
        this(environment, OsAccount.current());
    }

    /**
     * @param environment the process environment (System.getenv() in production)
     * @param account the account the process runs as, from {@link OsAccount#current()}
     */
    public IdentityResolver(Map<String, String> environment, OsAccount account) {
        this.environment = Map.copyOf(environment);
        this.account = account;
    }

    /**
     * @param origin the input's path or {@code stdin}
     * @param claims what the command line claims
     * @return the identity: user ID and system name established, everything else claimed
     */
    public Identity resolve(String origin, Claims claims) {
        return new Identity(IdentityFact.established(account.name()),
                claimed(claims.jobName(), JOB_NAME),
                claimed(claims.jobId(), JOB_ID),
                claimed(claims.program(), PROGRAM),
                IdentityFact.established(hostName()), origin,
                claimed(claims.step(), STEP));
    }

    private Optional<IdentityFact> claimed(Optional<String> flag, List<Variable> variables) {
        Optional<String> value = flag.map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            value = firstSet(environment, variables).map(Setting::value);
        }
        return value.filter(IdentityResolver::usable).map(IdentityFact::claimed);
    }

    /**
     * Says why the environment's claim for a fact the command line leaves open cannot be used: the first variable
     * set (not blank) in the order above is the one that counts, so a bad value is refused, not passed over for the
     * next scheduler's variable. The commands refuse such an environment with condition code 16 before reading any
     * input, as they refuse a bad flag; {@link #resolve} alone would leave the fact unclaimed.
     *
     * @param environment the process environment
     * @param claims what the command line claims (a fact it claims is not looked up in the environment)
     * @return e.g. {@code SPOOLMAIL_JOBNAME holds control character U+000D}, or empty when every claim is usable
     */
    public static Optional<String> environmentRefusal(Map<String, String> environment, Claims claims) {
        List<Map.Entry<Optional<String>, List<Variable>>> facts = List.of(Map.entry(claims.jobName(), JOB_NAME),
                Map.entry(claims.jobId(), JOB_ID), Map.entry(claims.program(), PROGRAM),
                Map.entry(claims.step(), STEP));
        for (Map.Entry<Optional<String>, List<Variable>> fact : facts) {
            if (fact.getKey().isPresent()) {
                continue;
            }
            Optional<Setting> set = firstSet(environment, fact.getValue());
            Optional<String> refused = set.flatMap(s -> refusal(s.value()));
            if (refused.isPresent()) {
                return Optional.of(set.get().variable() + " " + refused.get());
            }
        }
        return Optional.empty();
    }

    /**
     * The problem line for an {@link #environmentRefusal}, worded alike by every caller.
     *
     * @param refusal what {@link #environmentRefusal} gave, e.g. {@code SPOOLMAIL_JOBNAME holds control character
     *     U+000D}
     * @param howToClaim how the caller's user claims the fact instead, e.g. {@code the flag}
     * @return e.g. {@code the environment's SPOOLMAIL_JOBNAME holds control character U+000D: a job's claims cannot
     *     carry one (fix the variable or the scheduler's job definition, or claim with the flag)}
     */
    public static String environmentProblem(String refusal, String howToClaim) {
        return "the environment's " + refusal + ": a job's claims cannot carry one (fix the variable or the"
                + " scheduler's job definition, or claim with " + howToClaim + ")";
    }

    private static Optional<Setting> firstSet(Map<String, String> environment, List<Variable> variables) {
        for (Variable v : variables) {
            String raw = environment.get(v.name());
            if (raw != null && !raw.isBlank()) {
                return Optional.of(new Setting(v.name(), v.extract().apply(raw).strip()));
            }
        }
        return Optional.empty();
    }

    /** The variable that gives a fact, and its value as read. */
    private record Setting(String variable, String value) {
    }

    /**
     * A value with a control character or line separator is not a job name: it is never trusted or echoed; the
     * commands refuse it with condition code 16 ({@link #refusal}, {@link #environmentRefusal}).
     */
    private static boolean usable(String value) {
        return !value.isEmpty() && org.spoolmail.exits.mail.HeaderField.firstControl(value) < 0;
    }

    /**
     * Says why a claimed value given as a flag cannot be used, so the command can refuse it before sending
     * anything instead of dropping it silently.
     *
     * @param flagValue the flag's value, or null when the flag was not given
     * @return the reason, e.g. {@code holds control character U+000D}, or empty when the value is usable or absent
     */
    public static Optional<String> refusal(String flagValue) {
        if (flagValue == null) {
            return Optional.empty();
        }
        String value = flagValue.strip();
        if (value.isEmpty()) {
            return Optional.of("is empty");
        }
        int bad = org.spoolmail.exits.mail.HeaderField.firstControl(value);
        return bad < 0 ? Optional.empty()
                : Optional.of(String.format(java.util.Locale.ROOT, "holds control character U+%04X",
                        (int) value.charAt(bad)));
    }

    private static String afterLastDot(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.isBlank() ? "localhost" : name;
        } catch (UnknownHostException e) {
            return Optional.ofNullable(environment.get("HOSTNAME")).filter(h -> !h.isBlank()).orElse("localhost");
        }
    }

    /** One environment variable a scheduler sets, and how to read the fact from it. */
    private record Variable(String name, UnaryOperator<String> extract) {
        Variable(String name) {
            this(name, UnaryOperator.identity());
        }
    }

    /**
     * What the command line claims about the job.
     *
     * @param jobName {@code --job-name}
     * @param jobId {@code --job-id}
     * @param program {@code --program}
     * @param step the job step, if a flag gives it
     */
    public record Claims(Optional<String> jobName, Optional<String> jobId, Optional<String> program,
            Optional<String> step) {
        /** No claims. */
        public static final Claims NONE = new Claims(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        /**
         * Claims without a step.
         *
         * @param jobName {@code --job-name}
         * @param jobId {@code --job-id}
         * @param program {@code --program}
         */
        public Claims(Optional<String> jobName, Optional<String> jobId, Optional<String> program) {
            this(jobName, jobId, program, Optional.empty());
        }
    }
}
