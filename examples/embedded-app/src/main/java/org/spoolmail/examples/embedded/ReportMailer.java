package org.spoolmail.examples.embedded;

import java.io.PrintStream;
import java.nio.file.Path;

import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.kernel.api.Mail;
import org.spoolmail.kernel.api.MailResult;
import org.spoolmail.kernel.api.Spoolmail;
import org.spoolmail.kernel.api.SpoolmailException;

/**
 * An application that sends its reports through spoolmail's pipeline from inside the JVM, using the embedding API
 * only: the pipeline is given as text (relaying to an SMTP server), the built-in stages come from a plugins folder,
 * and the application's own exit routine ({@link ReportSenderExit}) is registered as an object.
 *
 * <pre>
 * java -cp ... org.spoolmail.examples.embedded.ReportMailer PLUGINS WORK-FOLDER HOST PORT RECIPIENT REPORT-FILE
 * </pre>
 *
 * prints the result line ({@code <queue-id> DELIVERED (condition code 0)}) and exits with the condition code.
 */
public final class ReportMailer implements AutoCloseable {

    /** The one sender the application uses. */
    public static final String REPORT_MAILBOX = "reports@example.com";

    private static final String PIPELINE = """
            version: 1
            pipeline:
              - stage: parse
                use: rfc5322-message
              - exit: verify-sender
                routines: [report-sender]
                time-limit: 5s
              - stage: mime-encode
                use: mime-encode
              - stage: codepage-translate
                use: codepage-translate
              - stage: deliver
                use: deliver-smtp
                config: {host: "%s", port: "%d", starttls: "off"}
              - stage: log
                use: audit-log
                config: {directory: audit}
            """;

    private final Spoolmail spoolmail;

    /**
     * Starts the pipeline.
     *
     * @param plugins the spoolmail plugins folder (parse, mime-encode, codepage-translate, deliver-smtp, audit-log)
     * @param work the folder of the hold folder and the audit records
     * @param host the SMTP relay
     * @param port its port
     * @throws SpoolmailException when the pipeline cannot start, with every problem
     */
    public ReportMailer(Path plugins, Path work, String host, int port) throws SpoolmailException {
        this.spoolmail = Spoolmail.builder()
                .pipeline(PIPELINE.formatted(host, port), work)
                .pluginsDirectory(plugins)
                .extension(new ReportSenderExit(Mailbox.parse(REPORT_MAILBOX)))
                .jobName("REPORTS")
                .build();
    }

    /**
     * Sends one report.
     *
     * @param sender the From address (the exit routine lets {@link #REPORT_MAILBOX} through only)
     * @param recipient who gets it
     * @param report the file to attach
     * @return how it ended
     */
    public MailResult send(String sender, String recipient, Path report) {
        return spoolmail.submit(Mail.builder()
                .from(sender, "Report Service")
                .to(recipient)
                .bcc("archive@example.org")
                .subject("Daily report " + report.getFileName())
                .header("X-Report-Job", "REPORTS")
                .text("The daily report is attached.\nReply to the service desk with questions.")
                .attach(report, "application/pdf")
                .build());
    }

    @Override
    public void close() {
        spoolmail.close();
    }

    /**
     * Runs the application.
     *
     * @param args plugins folder, work folder, host, port, recipient, report file
     * @param out where the result line goes
     * @return the condition code
     * @throws SpoolmailException when the pipeline cannot start
     */
    public static int run(String[] args, PrintStream out) throws SpoolmailException {
        try (ReportMailer mailer = new ReportMailer(Path.of(args[0]), Path.of(args[1]), args[2],
                Integer.parseInt(args[3]))) {
            MailResult result = mailer.send(REPORT_MAILBOX, args[4], Path.of(args[5]));
            out.println(result);
            return result.conditionCode();
        }
    }

    /**
     * @param args see {@link #run(String[], PrintStream)}
     * @throws SpoolmailException when the pipeline cannot start
     */
    public static void main(String[] args) throws SpoolmailException {
        System.exit(run(args, System.out));
    }
}
