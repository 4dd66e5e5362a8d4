package org.spoolmail.sampleexits.jobname;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.pf4j.Extension;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.AddressList;
import org.spoolmail.exits.mail.IdentityFact;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * A sample sender-verification exit: jobs whose name matches a pattern may send as a functional mailbox, and only
 * they. A job that a rule applies to and that sends as the rule's mailbox (reverse-path and every From address) is
 * accepted (ACCEPT, RC 4: later routines are skipped); in {@code mode: replace} such a job sending as anything else
 * is rewritten to the mailbox (REPLACE). Any other work that sends as a rule's mailbox is refused with
 * {@code 550 5.7.1}. Everything else is no concern of this routine (CONTINUE).
 *
 * <p>Job names are <em>claimed</em> unless the spool server establishes them ({@code spoolmail send} takes them from
 * {@code --job-name} or {@code SPOOLMAIL_JOBNAME}, which anyone can set). With {@code require-established-job: true}
 * (the default) a claimed job name counts as no job name.
 *
 * <pre>{@code
 * - exit: verify-sender
 *   routines: [jobname-sender, directory-sender]
 *   config:
 *     jobname-sender:
 *       require-established-job: "false"   # default true: only job names the OS vouches for count
 *       rules:
 *         - job: "PAY*"                    # job-name pattern, * and ?, ignoring case
 *           send-as: payroll@example.com   # the functional mailbox
 *           mode: replace                  # verify (default) | replace
 * }</pre>
 */
@Extension
@StageName("jobname-sender")
public class JobNameSenderExit implements MailExit {

    /** The rules: job pattern, functional mailbox, mode. */
    static final ConfigKey<List<JobRule>> RULES = new ConfigKey<>("rules", Optional.empty(), true,
            "a list of mappings with job, send-as and optional mode (verify | replace)", JobRules::parse);
    /** Whether a claimed job name counts; by default only an established one does. */
    static final ConfigKey<Boolean> REQUIRE_ESTABLISHED = ConfigKey.bool("require-established-job", true);

    private volatile List<JobRule> rules = List.of();
    private volatile boolean requireEstablished = true;

    /** Creates the exit; PF4J calls this. */
    public JobNameSenderExit() {
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(RULES, REQUIRE_ESTABLISHED);
    }

    @Override
    public void init(StageContext context) {
        rules = context.config().get(RULES);
        requireEstablished = context.config().get(REQUIRE_ESTABLISHED);
    }

    @Override
    public ExitDecision decide(MailObject mail) {
        Optional<IdentityFact> job = mail.identity().jobName();
        Optional<String> usable = job.filter(j -> j.established() || !requireEstablished).map(IdentityFact::value);
        List<JobRule> applying = usable.map(n -> rules.stream().filter(r -> r.appliesTo(n)).toList())
                .orElse(List.of());
        String reversePath = mail.envelope().reversePath().mailbox().map(Object::toString).orElse(null);
        List<String> from = mail.content().headers().all("From").stream()
                .flatMap(b -> fromAddresses(b).stream()).toList();
        Optional<JobRule> granting = applying.stream().filter(r -> r.grants(reversePath, from)).findFirst();
        if (granting.isPresent()) {
            return ExitDecision.accept("job " + usable.get() + " may send as " + granting.get().sendAs());
        }
        Optional<JobRule> replacing = applying.stream().filter(JobRule::replace).findFirst();
        if (replacing.isPresent()) {
            return ExitDecision.replace(replacing.get().sendAs(),
                    "job " + usable.get() + " sends as " + replacing.get().sendAs());
        }
        return refuseReserved(job, applying, reversePath, from)
                .orElseGet(() -> new ExitDecision.Continue("no job-name rule covers "
                        + mail.envelope().reversePath() + " from " + who(job)));
    }

    /**
     * The addresses of a From field body, read leniently ({@link AddressList#addrSpecs(String)}); a body that names
     * nothing but is not blank (only a comment) is returned whole, so it is no rule's mailbox and grants nothing.
     */
    private static List<String> fromAddresses(String body) {
        List<String> specs = AddressList.addrSpecs(body);
        return specs.isEmpty() && !body.isBlank() ? List.of(body.strip()) : specs;
    }

    private Optional<ExitDecision> refuseReserved(Optional<IdentityFact> job, List<JobRule> applying,
            String reversePath, List<String> from) {
        Stream<String[]> senders = Stream.concat(
                Stream.ofNullable(reversePath).map(a -> new String[] {a, "reverse-path"}),
                from.stream().map(a -> new String[] {a, "From header field"}));
        return senders.filter(s -> rules.stream().anyMatch(r -> r.isMailbox(s[0])))
                .filter(s -> applying.stream().noneMatch(r -> r.isMailbox(s[0]))).findFirst().map(s -> {
            String patterns = rules.stream().filter(r -> r.isMailbox(s[0])).map(r -> r.job().toString())
                    .collect(Collectors.joining(", "));
            String text = who(job) + " is not authorised to send as " + s[0];
            return ExitDecision.reject(SmtpReply.of(550, "5.7.1", text),
                    s[0] + " is reserved for jobs " + patterns + " (" + s[1] + ")" + claimNote(job));
        });
    }

    private String who(Optional<IdentityFact> job) {
        return job.map(j -> "job " + j).orElse("work without a job name");
    }

    private String claimNote(Optional<IdentityFact> job) {
        return job.filter(j -> !j.established() && requireEstablished)
                .map(j -> "; job name " + j.value() + " is only claimed and require-established-job is true")
                .orElse("");
    }
}
