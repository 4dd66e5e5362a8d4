package org.spoolmail.kernel.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One message as Postfix delivered it into a Maildir. Postfix keeps a message with LF line ends: it takes CRLF as the
 * line end of SMTP data and, with {@code smtpd_forbid_bare_newline = reject}, refuses any bare LF, so every LF in
 * the file was a CRLF on the wire and any CR left in the file was a bare CR on the wire.
 */
final class Delivery {

    /** The fields local(8) and smtpd(8) prepend; the message spoolmail sent starts after them. */
    private static final Set<String> PREPENDED = Set.of("return-path", "x-original-to", "delivered-to", "received");

    private final byte[] stored;

    Delivery(byte[] stored) {
        this.stored = stored.clone();
    }

    /** @return the file as Postfix stored it */
    byte[] stored() {
        return stored.clone();
    }

    /** @return the message data as it came over the wire after unstuffing: the prepended fields removed, LF as CRLF */
    byte[] wire() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = sentStart(); i < stored.length; i++) {
            if (stored[i] == '\n') {
                out.write('\r');
            }
            out.write(stored[i]);
        }
        return out.toByteArray();
    }

    /** @return the raw header lines Postfix prepended (Received etc.), folded lines kept apart */
    List<String> prependedLines() {
        return List.of(new String(stored, 0, sentStart(), StandardCharsets.US_ASCII).split("\n"));
    }

    /** @return how many CR octets the file holds: each was a bare CR on the wire */
    long crCount() {
        long count = 0;
        for (byte b : stored) {
            count += b == '\r' ? 1 : 0;
        }
        return count;
    }

    /** @return the octets of every line of the sent message, without its line end */
    List<Integer> lineLengths() {
        List<Integer> lengths = new ArrayList<>();
        int start = sentStart();
        for (int i = start; i < stored.length; i++) {
            if (stored[i] == '\n') {
                lengths.add(i - start);
                start = i + 1;
            }
        }
        return lengths;
    }

    private int sentStart() {
        int at = 0;
        boolean inPrepended = false;
        while (at < stored.length) {
            int end = indexOf(stored, new byte[] {'\n'}, at);
            String line = new String(stored, at, (end < 0 ? stored.length : end) - at, StandardCharsets.US_ASCII);
            boolean continuation = line.startsWith(" ") || line.startsWith("\t");
            int colon = line.indexOf(':');
            inPrepended = continuation ? inPrepended
                    : colon > 0 && PREPENDED.contains(line.substring(0, colon).toLowerCase(Locale.ROOT));
            if (!inPrepended || end < 0) {
                return at;
            }
            at = end + 1;
        }
        return at;
    }

    static int indexOf(byte[] data, byte[] target, int from) {
        outer:
        for (int i = from; i <= data.length - target.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (data[i + j] != target[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        return new String(stored, StandardCharsets.UTF_8);
    }
}
