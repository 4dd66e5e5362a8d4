package org.spoolmail.exits.mail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;

/**
 * An IBM Coded Character Set Identifier and the Java charset it maps to.
 *
 * <p>EBCDIC CCSIDs (37, 273, 277, 278, 280, 284, 285, 297, 500, 871, 1047, 1140-1149, ...) map to the JDK's
 * {@code IBMnnn} / {@code x-IBMnnn} charsets; 367 is US-ASCII, 819 is ISO-8859-1, 1208 is UTF-8. Whether a CCSID is
 * EBCDIC is decided by how it encodes the blank (x'40' in EBCDIC), not by a list.
 *
 * <p>Decoding with a CCSID's charset must never be used to find line ends: OpenJDK maps both x'15' and x'25' to
 * LF for IBM037 but x'25' to U+0085 for IBM1047. Line ends come from the {@link RecordFormat}.
 *
 * <p>Text is decoded strictly ({@link #decode(byte[])}, {@link #decoder()}): octets that are not valid in the
 * CCSID are refused, never replaced with U+FFFD, so that input in another code page fails with a hint instead of
 * being sent garbled. CCSID 1208 (UTF-8) is the default for ASCII-family input, as on Linux and z/OS UNIX tagged
 * files; with strict decoding an ISO-8859-1 file read as 1208 is refused with the hint rather than garbled.
 *
 * @param number the CCSID, 1..65535
 * @param charset the Java charset that encodes and decodes text in this CCSID
 * @since 1.0.0
 */
public record Ccsid(int number, Charset charset) {

    /** CCSID 1208, UTF-8. */
    public static final Ccsid UTF_8 = new Ccsid(1208, StandardCharsets.UTF_8);
    /**
     * CCSID 819, ISO-8859-1. It maps every octet, so nothing read in it is ever refused: a UTF-8 file read as 819
     * shows as mojibake ({@code Ã¼} for {@code ü}) or as C1 controls. Use it only for input known to be Latin-1.
     */
    public static final Ccsid ISO_8859_1 = new Ccsid(819, StandardCharsets.ISO_8859_1);
    /** CCSID 367, US-ASCII. */
    public static final Ccsid US_ASCII = new Ccsid(367, StandardCharsets.US_ASCII);

    /**
     * The hint added to every refusal that suggests the input was read in the wrong code page: undecodable octets
     * and C1 controls (U+0080..U+009F, which UTF-8 or EBCDIC read as ISO-8859-1 often yields).
     */
    public static final String CODE_PAGE_HINT = "(is the input in another code page? see --codepage)";

    private static final Map<Integer, Ccsid> FIXED = Map.of(1208, UTF_8, 819, ISO_8859_1, 367, US_ASCII);

    /**
     * Checks the components.
     *
     * @param number the CCSID, 1..65535
     * @param charset the Java charset that encodes and decodes text in this CCSID
     * @throws IllegalArgumentException if {@code number} is outside 1..65535
     * @throws NullPointerException if {@code charset} is null
     */
    public Ccsid {
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("CCSID must be 1..65535, got " + number);
        }
        java.util.Objects.requireNonNull(charset, "charset");
    }

    /**
     * Returns the CCSID with the given number, mapped to the JDK charset that implements it.
     *
     * @param number the CCSID, e.g. 1047
     * @return the CCSID
     * @throws IllegalArgumentException if the number is out of range or this JDK has no charset for it
     */
    public static Ccsid of(int number) {
        Ccsid fixed = FIXED.get(number);
        if (fixed != null) {
            return fixed;
        }
        // The JDK pads to three digits: CCSID 37 is IBM037 / Cp037.
        String padded = String.format(java.util.Locale.ROOT, "%03d", number);
        for (String name : new String[] {"IBM" + padded, "x-IBM" + padded, "Cp" + padded}) {
            try {
                if (Charset.isSupported(name)) {
                    return new Ccsid(number, Charset.forName(name));
                }
            } catch (IllegalCharsetNameException e) {
                // try the next spelling
            }
        }
        throw new IllegalArgumentException("unknown CCSID " + number + ": this Java runtime has no charset for it");
    }

    /**
     * Parses a CCSID written as decimal digits, as in pipeline.yaml or on the command line. Leading zeros are
     * decimal ({@code 01141} is 1141), never octal.
     *
     * @param text the decimal CCSID, optionally prefixed with {@code CCSID} or {@code IBM-}
     * @return the CCSID
     * @throws IllegalArgumentException if the text is not a number or the CCSID is unknown
     */
    public static Ccsid parse(String text) {
        String digits = text.trim().toUpperCase(java.util.Locale.ROOT);
        if (digits.startsWith("CCSID")) {
            digits = digits.substring(5).trim();
        } else if (digits.startsWith("IBM-")) {
            digits = digits.substring(4);
        }
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a CCSID: '" + text + "' (expected decimal digits such as 1047)");
        }
        return of(Integer.parseInt(digits));
    }

    /**
     * Tells whether this is an EBCDIC CCSID, decided by the encoding of the blank: x'40' in EBCDIC.
     *
     * @return true for EBCDIC CCSIDs such as 37, 273 or 1047
     */
    public boolean isEbcdic() {
        try {
            byte[] blank = " ".getBytes(charset);
            return blank.length == 1 && blank[0] == 0x40;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Tells whether text in this CCSID is one octet per character.
     *
     * @return true for single-byte CCSIDs
     */
    public boolean isSingleByte() {
        return charset.newEncoder().maxBytesPerChar() <= 1.0f;
    }

    @Override
    public String toString() {
        return "CCSID " + number + " (" + charset.name() + ")";
    }

    /**
     * Verifies that a charset name is known to this JDK, for parts labelled by name.
     *
     * @param name a MIME charset name such as {@code ISO-8859-1}
     * @return the charset
     * @throws IllegalArgumentException if the name is unknown or malformed
     */
    public static Charset charsetNamed(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown charset '" + name + "'", e);
        }
    }

    /**
     * Returns a new strict decoder for this CCSID: malformed and unmappable input is reported
     * ({@link CodingErrorAction#REPORT}), never replaced. Decoders are not thread-safe: take one per use.
     *
     * @return a new decoder
     */
    public CharsetDecoder decoder() {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Decodes one record strictly with this CCSID. Thread-safe.
     *
     * @param octets the record's octets, not null
     * @return the text
     * @throws UndecodableTextException if the octets are not valid text in this CCSID (e.g. x'FC' read as UTF-8);
     *     its message names the first bad octets, their column and the {@link #CODE_PAGE_HINT}
     */
    public String decode(byte[] octets) throws UndecodableTextException {
        return decode(octets, decoder(), toString());
    }

    /**
     * Decodes one record strictly with any charset, for text labelled by charset name rather than CCSID.
     *
     * @param octets the record's octets, not null
     * @param charset the charset, not null
     * @return the text
     * @throws UndecodableTextException if the octets are not valid text in the charset; the message names it
     */
    public static String decode(byte[] octets, Charset charset) throws UndecodableTextException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decode(octets, decoder, "charset " + charset.name());
    }

    private static String decode(byte[] octets, CharsetDecoder decoder, String codePage)
            throws UndecodableTextException {
        ByteBuffer in = ByteBuffer.wrap(octets);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(octets.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int length = Math.min(result.length(), octets.length - at);
            throw new UndecodableTextException(codePage, at + 1,
                    java.util.Arrays.copyOfRange(octets, at, at + Math.max(length, 1)));
        }
        return out.flip().toString();
    }
}
