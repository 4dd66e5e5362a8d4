package org.spoolmail.plugins.codepage.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.spoolmail.exits.mail.Ccsid;

/**
 * Counts what one message's translation did, for its trace entry: e.g. {@code CCSID 1047 -> UTF-8, 2 parts;
 * 3 line-end characters inside records replaced with blanks}. Not thread-safe: one per message.
 */
final class TranslationTally {

    private final String target;
    private final TreeSet<Integer> sources = new TreeSet<>();
    private int parts;
    private int encoded;
    private int fellBack;
    private long replacedLineEnds;

    TranslationTally(String target) {
        this.target = target;
    }

    void add(Ccsid source, PartTranslator.Translated translated) {
        sources.add(source.number());
        parts++;
        encoded += translated.encoded() ? 1 : 0;
        fellBack += translated.fellBack() ? 1 : 0;
        replacedLineEnds += translated.replacedLineEnds();
    }

    String reason() {
        if (parts == 0) {
            return "no text records to translate";
        }
        List<String> pieces = new ArrayList<>();
        pieces.add("CCSID " + sources.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " -> "
                + target + ", " + count(parts, "part", "parts"));
        if (encoded > 0) {
            pieces.add(count(encoded, "part", "parts") + " kept in quoted-printable/base64 form");
        }
        if (fellBack > 0) {
            pieces.add(count(fellBack, "part", "parts") + " sent as UTF-8: " + target + " cannot hold "
                    + (fellBack == 1 ? "its" : "their") + " text");
        }
        if (replacedLineEnds > 0) {
            pieces.add(count(replacedLineEnds, "line-end character", "line-end characters")
                    + " inside records replaced with blanks");
        }
        return String.join("; ", pieces);
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
