package org.spoolmail.kernel.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The options several subcommands share, defined once so that each says the same in every command's help:
 * {@code -c/--config}, {@code --plugins}, {@code -h/--help}, the input's shape ({@code --codepage}, {@code --records},
 * {@code --format}) and the job's claims ({@code --job-name}, {@code --job-id}, {@code --program}).
 */
final class CommonOptions {

    /** What {@code --format} says in the help of the commands that read input. */
    static final String FORMATS = "parser to use, e.g. smtp-datastream, control-statements, rfc5322-message (default:"
            + " detected among the parse stage's)";

    private CommonOptions() {
    }

    /** @return {@code -c/--config FILE} with the default every command that reads the pipeline uses */
    static Option config() {
        return config("pipeline file (default: $SPOOLMAIL_CONFIG or ./pipeline.yaml)");
    }

    /** @return {@code -c/--config FILE} saying what this command reads from it */
    static Option config(String description) {
        return Option.builder("c").longOpt("config").hasArg().desc(description).get();
    }

    /** @return {@code --plugins DIR} */
    static Option plugins() {
        return Option.builder().longOpt("plugins").hasArg().argName("DIR")
                .desc("plugins folder (default: plugins-directory of the pipeline, or the distribution's)").get();
    }

    /** @return {@code -h/--help} */
    static Option help() {
        return Option.builder("h").longOpt("help").desc("show this help").get();
    }

    /**
     * Adds {@code --codepage}, {@code --records} and {@code --format}.
     *
     * @param options the command's options
     * @param formats what --format's help says, e.g. {@link #FORMATS}
     * @return {@code options}
     */
    static Options inputShape(Options options, String formats) {
        return options
                .addOption(Option.builder().longOpt("codepage").hasArg().argName("CCSID")
                        .desc("CCSID of the input, e.g. 1047 (default: input.ccsid of the pipeline)").get())
                .addOption(Option.builder().longOpt("records").hasArg().argName("FORMAT")
                        .desc("record format: fb:N, vb, lf, crlf, nl, ebcdic-lf (default: input.records)").get())
                .addOption(Option.builder().longOpt("format").hasArg().argName("NAME").desc(formats).get());
    }

    /** Adds {@code --job-name}, {@code --job-id} and {@code --program} (claims, see {@link JobClaims}). */
    static Options claims(Options options) {
        return options
                .addOption(Option.builder().longOpt("job-name").hasArg().desc("job name (claimed)").get())
                .addOption(Option.builder().longOpt("job-id").hasArg().desc("job ID (claimed)").get())
                .addOption(Option.builder().longOpt("program").hasArg().desc("program name (claimed)").get());
    }
}
