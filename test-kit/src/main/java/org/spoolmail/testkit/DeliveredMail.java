package org.spoolmail.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.spoolmail.exits.mail.Envelope;
import org.spoolmail.exits.mail.ForwardPath;

/**
 * One message {@link MemoryDelivery} took: the envelope as it reached delivery and the message as the octets a relay
 * would have received after the data command (CRLF line ends, header fields folded and encoded, parts encoded;
 * not dot-stuffed).
 *
 * @param queueId the mail object's queue ID
 * @param envelope the envelope after every stage and exit routine
 * @param accepted the forward-paths delivered to (refused ones left out)
 * @param octets the message
 * @since 1.0.0
 */
public record DeliveredMail(String queueId, Envelope envelope, List<ForwardPath> accepted, byte[] octets) {

    /** Copies the list and the array. */
    public DeliveredMail {
        accepted = List.copyOf(accepted);
        octets = octets.clone();
    }

    /** @return a copy of the message octets */
    @Override
    public byte[] octets() {
        return octets.clone();
    }

    /** @return the message as text; non-ASCII octets (8bit parts) read as UTF-8 */
    public String text() {
        return new String(octets, StandardCharsets.UTF_8);
    }

    /**
     * Returns a header field of the message, unfolded, as written (encoded-words stay encoded).
     *
     * @param name the field name, any case
     * @return the first field's body, or empty
     */
    public Optional<String> header(String name) {
        String text = text();
        int end = text.indexOf("\r\n\r\n");
        String headers = (end < 0 ? text : text.substring(0, end)).replaceAll("\r\n[ \t]", " ");
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(l -> l.substring(prefix.length()).strip()).findFirst();
    }
}
