package org.spoolmail.plugins.deliver.outbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;

/** Mail objects as the deliver stage sees them: translated, with a UTF-8 {@link PartBody.Text} root. */
final class TextMails {

    private TextMails() {
    }

    /**
     * @param builder sender, recipients and header fields
     * @param lines the body lines; each gets CRLF
     * @return the mail object with a text/plain; charset=UTF-8 root
     */
    static MailObject withTextBody(MailObjects.Builder builder, List<String> lines) {
        MailObject base = builder.build();
        String text = String.join("\r\n", lines) + "\r\n";
        PartBody body = new PartBody.Text(ContentHandle.ofBytes(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        ContentType type = new ContentType("text", "plain", Map.of("charset", "UTF-8"));
        return base.withContent(base.content().withRoot(MimePart.leaf(type, Optional.empty(), body)));
    }
}
