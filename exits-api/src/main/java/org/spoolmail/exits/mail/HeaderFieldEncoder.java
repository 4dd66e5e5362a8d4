package org.spoolmail.exits.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one {@link HeaderField} into its folded wire form. Address fields go to {@link AddressListEncoder}, the
 * Content-Disposition field to {@link ParameterEncoder}; structured fields that RFC 2047 does not reach (Date,
 * Message-ID, ...) are only folded; every other field is unstructured text whose non-ASCII words become
 * encoded-words (adjacent ones merged into one run, so the white space between them survives decoding).
 */
final class HeaderFieldEncoder {

    static final Set<String> ADDRESS_FIELDS = Set.of("from", "to", "cc", "bcc", "reply-to", "sender",
            "resent-from", "resent-to", "resent-cc", "resent-bcc", "resent-sender", "disposition-notification-to");
    static final Set<String> STRUCTURED_FIELDS = Set.of("date", "resent-date", "message-id",
            "resent-message-id", "in-reply-to", "references", "content-id", "received", "return-path",
            "mime-version");
    /** A word of more octets than this is encoded even in ASCII, so that it can be folded. */
    private static final int LONGEST_PLAIN_WORD = 900;

    private HeaderFieldEncoder() {
    }

    /**
     * Encodes and folds a field.
     *
     * @param field the field
     * @param options whether raw UTF-8 may go into header fields
     * @return the field's lines, each ending CRLF
     * @throws IllegalStateException if a structured field or an addr-spec holds non-ASCII text without SMTPUTF8
     */
    static String encode(HeaderField field, WireOptions options) {
        String kind = field.name().toLowerCase(Locale.ROOT);
        if (kind.equals("content-disposition")) {
            return ParameterEncoder.contentDisposition(field.body());
        }
        HeaderFolder folder = new HeaderFolder(field.name());
        if (ADDRESS_FIELDS.contains(kind)) {
            AddressListEncoder.encode(folder, field, options.smtpUtf8());
        } else if (STRUCTURED_FIELDS.contains(kind)) {
            requireAscii(field, field.body(), options.smtpUtf8());
            plainWords(folder, field.body());
        } else {
            unstructured(folder, field.body(), options.smtpUtf8());
        }
        return folder.finish();
    }

    /**
     * Appends text as encoded-words, each using the room left on the line.
     *
     * @param folder the field being built; its pending white space goes before the first word
     * @param text the text, white space included
     */
    static void encodedRun(HeaderFolder folder, String text) {
        boolean b = EncodedWords.preferB(text);
        int pos = 0;
        while (pos < text.length()) {
            EncodedWords.Word w = EncodedWords.next(text, pos,
                    folder.room(EncodedWords.MIN_WORD, EncodedWords.MAX_WORD), b);
            folder.word(w.text());
            folder.space(" ");
            pos = w.end();
        }
    }

    /**
     * Appends text split at white space outside quoted-strings, keeping the white space as folding points.
     *
     * @param folder the field being built
     * @param text ASCII text (or UTF-8 with SMTPUTF8)
     */
    static void plainWords(HeaderFolder folder, String text) {
        List<String> pieces = splitWhiteSpace(text, true);
        for (int i = 1; i < pieces.size(); i += 2) {
            if (i > 1) {
                folder.space(pieces.get(i - 1));
            }
            folder.word(pieces.get(i));
        }
    }

    static void requireAscii(HeaderField field, String text, boolean utf8Allowed) {
        if (!utf8Allowed && !text.chars().allMatch(c -> c < 0x80)) {
            throw new IllegalStateException("header field " + field.name() + " holds non-ASCII text in '"
                    + Mailbox.printable(text) + "' that RFC 2047 cannot encode, and the relay did not offer SMTPUTF8");
        }
    }

    /**
     * Splits text into white-space runs and words: element 0 is leading white space (maybe ""), then word,
     * white space, word, ... so odd indexes are words.
     *
     * @param text the text
     * @param quoteAware true to keep quoted-strings (with their white space) inside one word
     * @return the pieces
     */
    static List<String> splitWhiteSpace(String text, boolean quoteAware) {
        List<String> pieces = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWhite = true;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean white = (c == ' ' || c == '\t') && !quoted;
            if (white != inWhite) {
                pieces.add(cur.toString());
                cur.setLength(0);
                inWhite = white;
            }
            cur.append(c);
            if (quoteAware && c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
        }
        pieces.add(cur.toString());
        if (inWhite) {
            pieces.remove(pieces.size() - 1);
        }
        return pieces;
    }

    private static void unstructured(HeaderFolder folder, String body, boolean utf8Allowed) {
        List<String> pieces = splitWhiteSpace(body, false);
        int i = 1;
        while (i < pieces.size()) {
            if (i > 1) {
                folder.space(pieces.get(i - 1));
            }
            if (!needsEncoding(pieces.get(i), utf8Allowed)) {
                folder.word(pieces.get(i));
                i += 2;
                continue;
            }
            StringBuilder run = new StringBuilder(pieces.get(i));
            i += 2;
            while (i < pieces.size() && needsEncoding(pieces.get(i), utf8Allowed)) {
                run.append(pieces.get(i - 1)).append(pieces.get(i));
                i += 2;
            }
            encodedRun(folder, run.toString());
        }
    }

    private static boolean needsEncoding(String word, boolean utf8Allowed) {
        return EncodedWords.needed(word, utf8Allowed) || HeaderFolder.octets(word) > LONGEST_PLAIN_WORD;
    }
}
