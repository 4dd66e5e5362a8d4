package org.spoolmail.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.config.StageConfig;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.Envelope;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.ReversePath;
import org.spoolmail.plugins.deliver.smtp.SmtpDeliveryStage;

/** Sends through spoolmail's deliver-smtp stage, one stage shared by all threads as the kernel shares it. */
final class StageSender {

    private final Path work;
    private final int port;
    private final MailObject mail;

    StageSender(Path work, int port, int size) {
        this.work = work;
        this.port = port;
        this.mail = mail(size);
    }

    double send(int messages, int threads) throws Exception {
        SmtpDeliveryStage stage = new SmtpDeliveryStage();
        Map<String, Object> raw = Map.of("host", "127.0.0.1", "port", String.valueOf(port), "starttls", "off",
                "helo-name", "bench.example.org", "connection-idle", "60s");
        stage.init(new Context(StageConfig.of(stage.configSchema(), raw), work));
        try {
            return Parallel.run(messages, threads, count -> {
                for (int i = 0; i < count; i++) {
                    StageOutcome outcome = stage.process(mail);
                    if (!(outcome instanceof StageOutcome.Stop stop)
                            || stop.disposition().kind() != org.spoolmail.exits.mail.Disposition.Kind.DELIVERED) {
                        throw new IllegalStateException("not delivered: " + outcome);
                    }
                }
            });
        } finally {
            stage.close();
        }
    }

    /** A 4 KiB-ish plain text message in its translated form, as deliver sees it after codepage-translate. */
    static MailObject mail(int size) {
        StringBuilder body = new StringBuilder();
        while (body.length() + 74 <= size) {
            body.append("0123456789".repeat(7)).append("abcd\r\n");
        }
        MimePart root = MimePart.leaf(ContentType.TEXT_PLAIN.withParameter("charset", "us-ascii"), Optional.empty(),
                new PartBody.Text(ContentHandle.ofBytes(body.toString().getBytes(StandardCharsets.US_ASCII)),
                        StandardCharsets.US_ASCII));
        HeaderSection headers = HeaderSection.EMPTY.with("From", "batch@example.com").with("To", "ops@example.com")
                .with("Subject", "nightly report").with("Date", "Mon, 30 Nov 2026 09:00:00 +0000")
                .with("Message-ID", "<bench@example.com>").with("MIME-Version", "1.0");
        return MailObject.of("BENCH0001", new Envelope(ReversePath.of(Mailbox.parse("batch@example.com")),
                List.of(ForwardPath.parse("ops@example.com"))), new MailContent(headers, root),
                Identity.of("bench", "bench", "bench"));
    }

    /** The little a stage needs from its host. */
    private record Context(StageConfig config, Path base) implements StageContext {
        @Override
        public String name() {
            return "deliver-smtp";
        }

        @Override
        public Logger logger() {
            return NOPLogger.NOP_LOGGER;
        }

        @Override
        public Path resolve(String configured) {
            return base.resolve(configured);
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }
    }
}
