package org.spoolmail.sampleexits.size;

import java.util.List;

import org.pf4j.Extension;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * A sample content-policy exit: refuses a message larger than a maximum size, as CSSMTP's {@code MAXMAILBYTES}
 * does, with {@code 552 5.3.4} (RFC 5321 section 4.5.3.1.10, RFC 3463 "message too big for system"). The size is
 * {@link MessageSize}'s estimate of the message on the wire (header fields, text lines with CRLF, binary parts as
 * base64), computed from the content handles' lengths without reading a body. A message exactly at the limit passes.
 *
 * <pre>{@code
 * - exit: content-policy          # or verify-sender, where there is no content-policy exit point
 *   routines: [size-limit]
 *   config:
 *     size-limit:
 *       max-size: 10MiB           # required; a unit is needed: B, KB, KiB, MB, MiB, GB, GiB
 * }</pre>
 */
@Extension
@StageName("size-limit")
public class SizeLimitExit implements MailExit {

    /** The largest message size allowed, in octets. */
    static final ConfigKey<Long> MAX_SIZE = ConfigKey.size("max-size", null).asRequired();

    private volatile long maxOctets;

    /** Creates the exit; PF4J calls this. */
    public SizeLimitExit() {
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(MAX_SIZE);
    }

    @Override
    public void init(StageContext context) {
        maxOctets = context.config().get(MAX_SIZE);
    }

    @Override
    public ExitDecision decide(MailObject mail) {
        long size = MessageSize.octets(mail.content());
        if (size > maxOctets) {
            String text = "message size " + size + " octets exceeds the limit of " + maxOctets + " octets";
            return ExitDecision.reject(SmtpReply.of(552, "5.3.4", text), text);
        }
        return new ExitDecision.Continue("message size " + size + " octets is within the limit of " + maxOctets
                + " octets");
    }
}
