package org.spoolmail.exits.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.Ccsid;
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
import org.spoolmail.exits.mail.TextRecords;

/** Builds mail objects for unit tests: {@code MailObjects.builder().from("a@x.org").to("b@y.org").build()}. */
public final class MailObjects {

    private MailObjects() {
    }

    /** @return a new builder with user ID {@code BATCH1} on system {@code SYS1} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds one mail object; defaults: from {@code sender@example.org}, one recipient, text body "hello". */
    public static final class Builder {
        private ReversePath reversePath = ReversePath.of(Mailbox.parse("sender@example.org"));
        private final List<ForwardPath> forwardPaths = new ArrayList<>();
        private HeaderSection headers = HeaderSection.EMPTY;
        private List<String> bodyLines = List.of("hello");
        private Ccsid ccsid = Ccsid.ISO_8859_1;
        private Identity identity = Identity.of("BATCH1", "SYS1", "test");
        private String id = "TEST0001";

        /** @param address the reverse-path address; also sets no From header field @return this builder */
        public Builder from(String address) {
            reversePath = ReversePath.of(Mailbox.parse(address));
            return this;
        }

        /** @return this builder with the null reverse-path */
        public Builder nullSender() {
            reversePath = ReversePath.nullPath();
            return this;
        }

        /** @param address a forward-path address @return this builder */
        public Builder to(String address) {
            forwardPaths.add(ForwardPath.parse(address));
            return this;
        }

        /** @param name field name @param body field body @return this builder */
        public Builder header(String name, String body) {
            headers = headers.with(name, body);
            return this;
        }

        /** @param lines the body lines, untranslated records in the builder's CCSID @return this builder */
        public Builder body(String... lines) {
            bodyLines = List.of(lines);
            return this;
        }

        /** @param value the CCSID for the body records @return this builder */
        public Builder ccsid(Ccsid value) {
            ccsid = value;
            return this;
        }

        /** @param value the submitter @return this builder */
        public Builder identity(Identity value) {
            identity = value;
            return this;
        }

        /** @param value the mail object's id @return this builder */
        public Builder id(String value) {
            id = value;
            return this;
        }

        /** @return the mail object; text/plain root with {@link PartBody.Records} */
        public MailObject build() {
            List<ForwardPath> rcpts = forwardPaths.isEmpty()
                    ? List.of(ForwardPath.parse("recipient@example.org")) : forwardPaths;
            try {
                MimePart root = MimePart.leaf(ContentType.TEXT_PLAIN, Optional.empty(),
                        new PartBody.Records(TextRecords.ofLines(ccsid, bodyLines)));
                return MailObject.of(id, new Envelope(reversePath, rcpts), new MailContent(headers, root), identity);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
