package org.spoolmail.plugins.codepage.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.spoolmail.exits.mail.Ccsid;

/**
 * Counts what one message's translation did, for its trace entry: e.g. {@code CCSID 1047 -> UTF-8, 2 parts;
 * 3 control characters inside records replaced with blanks}, and words the warning those replacements deserve,
 * naming the first one's part, line and column. Not thread-safe: one per message.
 */
final class TranslationTally {

    private final String target;
    private final TreeSet<Integer> sources = new TreeSet<>();
    private int parts;
    private int encoded;
    private int fellBack;
    private long blanked;
    private Optional<String> firstBlanked = Optional.empty();

    TranslationTally(String target) {
        this.target = target;
    }

    /**
     * @param source the part's CCSID
     * @param translated what its translation did
     * @param part the part's place for a reader, e.g. {@code part 2}, or "" for a message of one part
     */
    void add(Ccsid source, PartTranslator.Translated translated, String part) {
        sources.add(source.number());
        parts++;
        encoded += translated.encoded() ? 1 : 0;
        fellBack += translated.fellBack() ? 1 : 0;
        blanked += translated.blanked().blanked();
        if (firstBlanked.isEmpty()) {
            firstBlanked = translated.blanked().first().map(b -> (part.isEmpty() ? "" : part + " ") + b.describe());
        }
    }

    /**
     * @return the warning for control characters inside records, e.g. {@code line 2 column 7: NEL (x'25') inside
     *     the record replaced with a blank; 3 such characters (line ends, NULs) in all}; empty if there were none
     */
    Optional<String> warning() {
        return firstBlanked.map(first -> first + " inside the record replaced with a blank"
                + (blanked > 1 ? "; " + blanked + " such characters (line ends, NULs) in all" : ""));
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
        if (blanked > 0) {
            pieces.add(count(blanked, "control character", "control characters")
                    + " inside records replaced with blanks");
        }
        return String.join("; ", pieces);
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
