package org.spoolmail.kernel.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code spool:} block of pipeline.yaml: where the spool is and how the server drains it.
 *
 * <pre>
 * spool:
 *   type: directory               # the embedded spool; jms puts it on a broker ({@link JmsSpoolConfig})
 *   directory: spool              # relative to pipeline.yaml's folder
 *   workers: "4"                  # items delivered at once
 *   retry-initial: 5m             # first back-off after a 4xx or an unreachable relay; doubles each attempt
 *   retry-max: 1h                 # the back-off never grows beyond this
 *   max-age: 120h                 # then the item is undeliverable: a DSN to its reverse-path
 *   bad-spool-disposition: hold   # hold | delete a spool file that cannot be parsed or an exit rejected
 *   mail-administrators: [postmaster@example.com]   # get a copy of every DSN
 *   dead-letter: spool/dead-letter   # DSNs for the null reverse-path
 *   poll-interval: 2s             # how often the drop folder is looked at when no file-system event comes
 *   max-drop-size: 64MiB          # the largest drop (input and the files it names) submit writes, pickup takes
 * </pre>
 *
 * @param directory the spool folder, resolved against pipeline.yaml's folder
 * @param workers how many items are delivered at once
 * @param retryInitial the back-off after the first failed attempt
 * @param retryMax the longest back-off
 * @param maxAge how long an item may stay in the queue before it is undeliverable
 * @param deleteBadSpoolFiles true for {@code bad-spool-disposition: delete}
 * @param mailAdministrators who gets a copy of each delivery status notification
 * @param deadLetter where notifications to the null reverse-path go
 * @param pollInterval the longest wait between two looks at the drop folder
 * @param jms the broker of {@code type: jms}; empty for the directory spool
 * @param maxDropOctets the largest drop in octets: the input with the files it names and the drop's header
 */
public record SpoolConfig(Path directory, int workers, Duration retryInitial, Duration retryMax, Duration maxAge,
        boolean deleteBadSpoolFiles, List<String> mailAdministrators, Path deadLetter, Duration pollInterval,
        java.util.Optional<JmsSpoolConfig> jms, long maxDropOctets) {

    /**
     * The default largest drop, 64 MiB: a relay's typical 50 MiB message limit counts the message as sent, where
     * base64 makes every 3 octets of an attachment 4 and adds line ends, so a drop of 64 MiB refuses nothing such a
     * relay would have taken, and no submitter can fill the queue with one drop.
     */
    public static final long DEFAULT_MAX_DROP_OCTETS = 64L * 1024 * 1024;

    /** Copies the list. */
    public SpoolConfig {
        mailAdministrators = List.copyOf(mailAdministrators);
    }

    /** A spool's settings with the default {@link #DEFAULT_MAX_DROP_OCTETS}. */
    public SpoolConfig(Path directory, int workers, Duration retryInitial, Duration retryMax, Duration maxAge,
            boolean deleteBadSpoolFiles, List<String> mailAdministrators, Path deadLetter, Duration pollInterval,
            java.util.Optional<JmsSpoolConfig> jms) {
        this(directory, workers, retryInitial, retryMax, maxAge, deleteBadSpoolFiles, mailAdministrators, deadLetter,
                pollInterval, jms, DEFAULT_MAX_DROP_OCTETS);
    }

    /** A directory spool's settings (no broker). */
    public SpoolConfig(Path directory, int workers, Duration retryInitial, Duration retryMax, Duration maxAge,
            boolean deleteBadSpoolFiles, List<String> mailAdministrators, Path deadLetter, Duration pollInterval) {
        this(directory, workers, retryInitial, retryMax, maxAge, deleteBadSpoolFiles, mailAdministrators, deadLetter,
                pollInterval, java.util.Optional.empty());
    }

    /**
     * @param base pipeline.yaml's folder
     * @return the defaults, with the spool in {@code spool/} beside pipeline.yaml
     */
    public static SpoolConfig defaults(Path base) {
        Path spool = base.resolve("spool");
        return new SpoolConfig(spool, 4, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(120), false,
                List.of(), spool.resolve("dead-letter"), Duration.ofSeconds(2));
    }

    /**
     * @param newWorkers {@code --workers}
     * @return this configuration with another number of workers
     */
    public SpoolConfig withWorkers(int newWorkers) {
        return new SpoolConfig(directory, newWorkers, retryInitial, retryMax, maxAge, deleteBadSpoolFiles,
                mailAdministrators, deadLetter, pollInterval, jms, maxDropOctets);
    }
}
