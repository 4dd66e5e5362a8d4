package org.spoolmail.kernel.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.cli.CommandLine;
import org.spoolmail.kernel.identity.IdentityResolver;

/**
 * The job facts a command line may claim ({@code --job-name}, {@code --job-id}, {@code --program}) for the commands
 * that take input (send, submit), and the checks both make before reading any input: a flag value that cannot be
 * a claim is a usage error, an environment variable that cannot be one an environment error, both condition code
 * 16, so that a job never goes out with its job name silently dropped.
 */
final class JobClaims {

    private static final List<String> FLAGS = List.of("job-name", "job-id", "program");

    private JobClaims() {
    }

    /** @return what the command line claims */
    static IdentityResolver.Claims of(CommandLine line) {
        return new IdentityResolver.Claims(Optional.ofNullable(line.getOptionValue("job-name")),
                Optional.ofNullable(line.getOptionValue("job-id")),
                Optional.ofNullable(line.getOptionValue("program")));
    }

    /** @return e.g. {@code --job-name holds control character U+000D}, or empty when every flag given is usable */
    static Optional<String> flagRefusal(CommandLine line) {
        for (String flag : FLAGS) {
            Optional<String> refused = IdentityResolver.refusal(line.getOptionValue(flag));
            if (refused.isPresent()) {
                return Optional.of("--" + flag + " " + refused.get());
            }
        }
        return Optional.empty();
    }

    /**
     * @param nothingDone what the problem line ends with, e.g. {@code nothing was sent}
     * @return the problem line, e.g. {@code the environment's SPOOLMAIL_JOBNAME holds control character U+000D ...},
     *     or empty when the environment's claims the command line leaves open are usable
     */
    static Optional<String> environmentRefusal(CommandLine line, Map<String, String> environment,
            String nothingDone) {
        return IdentityResolver.environmentRefusal(environment, of(line)).map(why -> IdentityResolver
                .environmentProblem(why, "the flag") + "; " + nothingDone + " (condition code 16)");
    }
}
