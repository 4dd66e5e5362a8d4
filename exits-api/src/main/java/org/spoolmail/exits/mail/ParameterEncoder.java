package org.spoolmail.exits.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes Content-Type and Content-Disposition fields with their parameters: short ASCII values as a token or
 * quoted-string, long or non-ASCII values with RFC 2231 ({@code filename*=UTF-8''%E2%82%AC...}, split into
 * continuations {@code filename*0*=}, {@code filename*1*=} ... when long). A non-ASCII Content-Type {@code name}
 * also keeps an RFC 2047 {@code name="=?UTF-8?B?...?="} for readers that know no RFC 2231
 * (jakartaee/mail-api#138, #173), and a long ASCII {@code name} or {@code filename} also goes out whole as a plain
 * quoted-string before its continuations (RFC 2231 readers take the continuations, which say the same; the line is
 * longer than 78 octets but within 998). Each parameter is one unbreakable word for {@link HeaderFolder}.
 */
final class ParameterEncoder {

    private static final int LONGEST_PLAIN_VALUE = 60;
    /** Parameters that readers expect whole and plain; their values are ASCII by definition. */
    private static final Set<String> NEVER_SPLIT = Set.of("boundary", "charset");
    /**
     * The parameters that name a file: a long ASCII value goes out whole as well as in RFC 2231 continuations,
     * since readers that know no RFC 2231 (several webmail and desktop clients) would otherwise show no name.
     */
    private static final Set<String> FILE_NAMES = Set.of("name", "filename");
    /** A parameter alone on its folded line ({@code " " + parameter + ";"}) stays within RFC 5322's 998 octets. */
    private static final int LONGEST_PLAIN_PARAMETER = HeaderFolder.HARD_LIMIT - 2;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ParameterEncoder() {
    }

    /**
     * @param type the content type
     * @return the folded Content-Type field, ending CRLF
     */
    static String contentType(ContentType type) {
        return field("Content-Type", type.mediaType(), type.parameters(), true);
    }

    /**
     * @param body the unfolded Content-Disposition field body, e.g. {@code attachment; filename="a b.pdf"}
     * @return the folded Content-Disposition field, ending CRLF
     */
    static String contentDisposition(String body) {
        int semi = body.indexOf(';');
        String kind = (semi < 0 ? body : body.substring(0, semi)).strip();
        Map<String, String> params = semi < 0 ? Map.of()
                : ContentType.parse("x/x;" + body.substring(semi + 1)).parameters();
        return field("Content-Disposition", kind, params, false);
    }

    private static String field(String name, String value, Map<String, String> params, boolean compatName) {
        List<List<String>> groups = new ArrayList<>();
        groups.add(List.of(value));
        params.forEach((k, v) -> groups.addAll(parameter(k, v, compatName)));
        HeaderFolder folder = new HeaderFolder(name);
        for (int g = 0; g < groups.size(); g++) {
            List<String> words = groups.get(g);
            for (int w = 0; w < words.size(); w++) {
                boolean separator = w == words.size() - 1 && g < groups.size() - 1;
                folder.space(" ");
                folder.word(separator ? words.get(w) + ";" : words.get(w));
            }
        }
        return folder.finish();
    }

    /** @return one group of words per parameter to write (continuations are parameters of their own) */
    private static List<List<String>> parameter(String name, String value, boolean compatName) {
        boolean ascii = value.chars().allMatch(c -> c < 0x80);
        if (name.indexOf('*') >= 0 || NEVER_SPLIT.contains(name) || (ascii && value.length() <= LONGEST_PLAIN_VALUE)) {
            return List.of(List.of(name + "=" + ContentType.quoteIfNeeded(value)));
        }
        List<List<String>> out = new ArrayList<>();
        if (!ascii && compatName && name.equals("name")) {
            out.add(encodedWordValue(name, value));
        }
        String plain = name + "=" + ContentType.quoteIfNeeded(value);
        if (ascii && FILE_NAMES.contains(name) && plain.length() + 2 <= LONGEST_PLAIN_PARAMETER) {
            out.add(List.of(plain));
        }
        List<String> segments = ascii ? quotedSegments(name, value) : percentSegments(name, value);
        if (segments.size() == 1 && !ascii) {
            out.add(List.of(name + "*=" + segments.get(0)));
            return out;
        }
        for (int i = 0; i < segments.size(); i++) {
            out.add(List.of(name + "*" + i + (ascii ? "=" : "*=") + segments.get(i)));
        }
        return out;
    }

    private static List<String> encodedWordValue(String name, String value) {
        List<String> words = new ArrayList<>();
        boolean b = EncodedWords.preferB(value);
        int pos = 0;
        while (pos < value.length()) {
            EncodedWords.Word w = EncodedWords.next(value, pos, HeaderFolder.SOFT_LIMIT - 2 - name.length() - 3, b);
            words.add(w.text());
            pos = w.end();
        }
        words.set(0, name + "=\"" + words.get(0));
        words.set(words.size() - 1, words.get(words.size() - 1) + "\"");
        return words;
    }

    private static List<String> quotedSegments(String name, String value) {
        int budget = HeaderFolder.SOFT_LIMIT - 2 - (name.length() + 4) - 2;
        List<String> out = new ArrayList<>();
        int start = 0;
        int cost = 0;
        for (int i = 0; i < value.length(); i++) {
            int c = value.charAt(i) == '"' || value.charAt(i) == '\\' ? 2 : 1;
            if (cost + c > budget) {
                out.add(ContentType.quoteIfNeeded(value.substring(start, i)));
                start = i;
                cost = 0;
            }
            cost += c;
        }
        out.add(ContentType.quoteIfNeeded(value.substring(start)));
        return out;
    }

    private static List<String> percentSegments(String name, String value) {
        List<String> out = new ArrayList<>();
        StringBuilder seg = new StringBuilder("UTF-8''");
        int budget = HeaderFolder.SOFT_LIMIT - 2 - (name.length() + 5);
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int n = Character.charCount(value.codePointAt(i));
            String encoded = percent(value.substring(i, i + n));
            if (seg.length() + encoded.length() > budget && seg.length() > "UTF-8''".length()) {
                out.add(seg.toString());
                seg.setLength(0);
            }
            seg.append(encoded);
        }
        out.add(seg.toString());
        return out;
    }

    private static String percent(String character) {
        StringBuilder s = new StringBuilder();
        for (byte o : character.getBytes(StandardCharsets.UTF_8)) {
            int v = o & 0xFF;
            if (v > 32 && v < 127 && "()<>@,;:\\\"/[]?=*'%".indexOf(v) < 0) {
                s.append((char) v);
            } else {
                s.append('%').append(HEX[v >>> 4]).append(HEX[v & 0x0F]);
            }
        }
        return s.toString();
    }
}
