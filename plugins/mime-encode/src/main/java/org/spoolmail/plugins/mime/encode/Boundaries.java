package org.spoolmail.plugins.mime.encode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.security.SecureRandom;

import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.TextRecords;

/**
 * Makes multipart boundaries that cannot collide with content: random (a fixed boundary once collided with an
 * attached earlier mail), starting with "=_", which quoted-printable and base64 text can never hold, and checked
 * against every text line of the parts they enclose. Thread-safe.
 */
final class Boundaries {

    private static final String PREFIX = "=_spoolmail_";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int RANDOM_CHARS = 24;
    private static final int ATTEMPTS = 5;

    private final SecureRandom random = new SecureRandom();

    /**
     * Returns a boundary that no line of the multipart's content starts with.
     *
     * @param multipart the multipart whose children the boundary will separate
     * @return the boundary, without the leading "--"
     * @throws IOException if content cannot be read
     * @throws IllegalStateException if every attempt collided (only content built to defeat it can)
     */
    String freshFor(MimePart multipart) throws IOException {
        for (int i = 0; i < ATTEMPTS; i++) {
            String candidate = fresh();
            if (!occursIn(multipart, "--" + candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no collision-free multipart boundary after " + ATTEMPTS + " attempts");
    }

    String fresh() {
        StringBuilder b = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static boolean occursIn(MimePart part, String delimiter) throws IOException {
        for (MimePart leaf : part.leaves()) {
            PartBody body = leaf.body().orElseThrow();
            if (body instanceof PartBody.Records r && startsAnyRecord(r.records(), delimiter)) {
                return true;
            }
            if (body instanceof PartBody.Text t && startsAnyLine(t, delimiter)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsAnyRecord(TextRecords records, String delimiter) throws IOException {
        try (TextRecords.Cursor cursor = records.open()) {
            byte[] record;
            while ((record = cursor.next()) != null) {
                if (new String(record, records.ccsid().charset()).startsWith(delimiter)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsAnyLine(PartBody.Text text, String delimiter) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(text.content().open(),
                text.charset()))) {
            return reader.lines().anyMatch(line -> line.startsWith(delimiter));
        }
    }
}
