package org.spoolmail.exits.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the RFC 2047 encoded-words a message brings in its header section ({@code =?ISO-8859-1?Q?Pr=FCfung?=}),
 * so that the field body holds the text they stand for and the writer encodes it once: kept as written, the
 * writer would encode the encoded-word itself and readers would show {@code =?ISO-8859-1?Q?...?=}.
 *
 * <p>Decoded where {@link HeaderFieldEncoder} encodes: unstructured fields (Subject, Comments, X-...) and, in address
 * fields, display names, comments and quoted strings (RFC 2047 section 5; quoted strings too, as mailers write
 * them there and readers decode them). White space between two adjacent encoded-words goes (section 6.2). Decoded
 * text that would change an address field's structure (a ',' or '@' in a display name) becomes a quoted-string,
 * and inside a comment or quoted string its delimiters are escaped, so an encoded-word never adds an address.
 * A word is left as written when its charset is unknown, its octets are not valid in it, or its text holds a
 * control character or line break (that would be header injection). Addr-specs and structured fields are never
 * touched. Thread-safe: no state.
 */
final class EncodedWordText {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s*]+)(\\*[^?\\s]*)?\\?([BbQq])\\?([^?\\s]*)\\?=");
    /** What a phrase may not hold outside a quoted-string (RFC 5322 section 3.2.3 specials, '.' allowed). */
    private static final String PHRASE_SPECIALS = "()<>[]:;@\\,\"";

    private EncodedWordText() {
    }

    /**
     * Decodes the encoded-words of a header section where the writer would encode.
     *
     * @param section the section as read
     * @return the section with encoded-words decoded; the same fields otherwise
     */
    static HeaderSection decode(HeaderSection section) {
        return new HeaderSection(section.fields().stream().map(EncodedWordText::decode).toList());
    }

    private static HeaderField decode(HeaderField field) {
        if (field.body().indexOf("=?") < 0) {
            return field;
        }
        String kind = field.name().toLowerCase(Locale.ROOT);
        if (HeaderFieldEncoder.ADDRESS_FIELDS.contains(kind)) {
            return new HeaderField(field.name(), addressList(field.body()));
        }
        boolean structured = HeaderFieldEncoder.STRUCTURED_FIELDS.contains(kind)
                || (kind.startsWith("content-") && !kind.equals("content-description"));
        return structured ? field : new HeaderField(field.name(), text(field.body(), ""));
    }

    /**
     * Decodes unstructured text; each decoded run is passed through {@code escaped}'s characters with a backslash.
     *
     * @param text the text
     * @param escaped the characters to escape in decoded text ("" for none)
     * @return the text with its encoded-words decoded
     */
    static String text(String text, String escaped) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        boolean previousDecoded = false;
        while (m.find()) {
            String between = text.substring(last, m.start());
            Optional<String> decoded = word(m);
            boolean blankOnly = between.chars().allMatch(c -> c == ' ' || c == '\t');
            if (!(previousDecoded && decoded.isPresent() && blankOnly)) {
                out.append(between);
            }
            out.append(decoded.map(d -> escape(d, escaped)).orElse(m.group()));
            previousDecoded = decoded.isPresent();
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }

    /** Walks an address field: phrases, comments and quoted strings are decoded; angle-addrs are copied. */
    private static String addressList(String body) {
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            int end = switch (c) {
                case '"' -> closing(body, i, '"', '"');
                case '(' -> closing(body, i, '(', ')');
                case '<' -> body.indexOf('>', i) < 0 ? body.length() : body.indexOf('>', i) + 1;
                default -> phraseEnd(body, i);
            };
            String piece = body.substring(i, end);
            out.append(switch (c) {
                case '"' -> piece.endsWith("\"") && piece.length() > 1
                        ? "\"" + text(piece.substring(1, piece.length() - 1), "\"\\") + "\"" : piece;
                case '(' -> piece.endsWith(")") && piece.length() > 1
                        ? "(" + text(piece.substring(1, piece.length() - 1), "()\\") + ")" : piece;
                case '<' -> piece;
                default -> phrase(piece);
            });
            i = end;
        }
        return out.toString();
    }

    /** Decodes the encoded-words of a phrase's atoms; a run whose text holds a special becomes a quoted-string. */
    private static String phrase(String atoms) {
        Matcher m = WORD.matcher(atoms);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            int runEnd = m.end();
            Matcher next = WORD.matcher(atoms);
            while (next.find(runEnd) && atoms.substring(runEnd, next.start()).isBlank()) {
                runEnd = next.end();
            }
            String run = atoms.substring(m.start(), runEnd);
            String decoded = text(run, "");
            out.append(atoms, last, m.start());
            boolean special = decoded.chars().anyMatch(ch -> PHRASE_SPECIALS.indexOf(ch) >= 0);
            out.append(special && !decoded.equals(run) ? "\"" + escape(decoded, "\"\\") + "\"" : decoded);
            last = runEnd;
            m.region(runEnd, atoms.length());
        }
        return out.append(atoms.substring(last)).toString();
    }

    /** @return the index after a quoted string or (nested) comment that opens at {@code start}, escapes honoured */
    private static int closing(String body, int start, char open, char close) {
        int depth = 0;
        for (int i = start; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == close && (open != close || i > start)) {
                depth--;
                if (depth <= 0) {
                    return i + 1;
                }
            } else if (c == open) {
                depth++;
            }
        }
        return body.length();
    }

    /** @return the index of the next quoted string, comment or angle-addr at or after {@code start} */
    private static int phraseEnd(String body, int start) {
        for (int i = start; i < body.length(); i++) {
            if ("\"(<".indexOf(body.charAt(i)) >= 0) {
                return i;
            }
        }
        return body.length();
    }

    private static Optional<String> word(Matcher m) {
        Charset charset;
        try {
            if (!Charset.isSupported(m.group(1))) {
                return Optional.empty();
            }
            charset = Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException e) {
            return Optional.empty();
        }
        Optional<byte[]> octets = m.group(3).equalsIgnoreCase("B") ? base64(m.group(4)) : q(m.group(4));
        if (octets.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(octets.get())).toString();
            return HeaderField.firstControl(text) >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> base64(String text) {
        try {
            return Optional.of(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> q(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    return Optional.empty();
                }
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '_') {
                out.write(' ');
            } else if (c < 0x80) {
                out.write(c);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out.toByteArray());
    }

    private static String escape(String text, String characters) {
        if (characters.isEmpty()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            b.append(characters.indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
        }
        return b.toString();
    }
}
