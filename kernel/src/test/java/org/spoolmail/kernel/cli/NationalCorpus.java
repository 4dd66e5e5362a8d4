package org.spoolmail.kernel.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.spoolmail.exits.mail.Ccsid;

/**
 * A corpus datastream converted to a national EBCDIC CCSID as a job on a national keyboard writes it: the character
 * at x'7C' of the CCSID typed for '@' in SMTP command records and in the address header fields (From, To, Cc,
 * Reply-To, Sender), every other character (a '@' elsewhere too) encoded natively by the JDK charset, each record
 * keeping its padding, laid out as fixed-length records padded with EBCDIC blanks or as records ended by NL x'15'.
 */
final class NationalCorpus {

    /** The record layouts of a converted file. */
    enum Layout {
        /** Fixed-length records (RECFM=FB) padded with x'40', no separators. */
        FIXED,
        /** Each record followed by EBCDIC NL x'15', as a z/OS UNIX file. */
        NL
    }

    private static final Pattern ADDRESS_FIELD =
            Pattern.compile("(?i)(from|to|cc|reply-to|sender)\\s*:.*");
    private static final Pattern FIELD = Pattern.compile("[!-9;-~]+:.*");

    private NationalCorpus() {
    }

    /** @return the corpus file's records as text, padding kept; the CCSID 1047 payroll deck is decoded as such */
    static List<String> records(String name) throws IOException {
        byte[] octets;
        try (InputStream in = NationalCorpus.class.getResourceAsStream("/corpus/" + name)) {
            octets = in.readAllBytes();
        }
        if (name.endsWith(".bin")) {
            List<String> records = new ArrayList<>();
            for (int at = 0; at < octets.length; at += 80) {
                records.add(new String(octets, at, 80, Ccsid.of(1047).charset()));
            }
            return records;
        }
        String text = new String(octets, StandardCharsets.ISO_8859_1);
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    /** @return the character at x'7C' in the CCSID: the key a national keyboard has where '@' is in CCSID 37 */
    static String nationalAtSign(int ccsid) {
        return new String(new byte[] {0x7C}, Ccsid.of(ccsid).charset());
    }

    /** @return the records with '@' typed as the national character in commands and address fields only */
    static List<String> typed(List<String> records, String national) {
        List<String> typed = new ArrayList<>();
        boolean data = false;
        boolean headers = false;
        for (String record : records) {
            String stripped = record.strip();
            boolean command = !data;
            if (data && headers && (stripped.isEmpty() || !FIELD.matcher(record).matches()) && !isFolded(record)) {
                headers = false;
            }
            boolean address = data && headers && ADDRESS_FIELD.matcher(record).matches();
            typed.add(command || address ? record.replace("@", national) : record);
            if (!data && stripped.toUpperCase(Locale.ROOT).equals("DATA")) {
                data = true;
                headers = true;
            } else if (data && stripped.equals(".")) {
                data = false;
            }
        }
        return typed;
    }

    /** @return the records encoded in the CCSID (unmappable characters fail) and laid out */
    static byte[] encode(List<String> records, int ccsid, Layout layout, int recordLength)
            throws CharacterCodingException {
        Charset charset = Ccsid.of(ccsid).charset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String record : records) {
            ByteBuffer encoded = charset.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                    .onMalformedInput(CodingErrorAction.REPORT).encode(CharBuffer.wrap(record));
            byte[] octets = Arrays.copyOf(encoded.array(), encoded.limit());
            if (layout == Layout.NL) {
                out.writeBytes(octets);
                out.write(0x15);
            } else if (octets.length > recordLength) {
                throw new IllegalArgumentException("record over " + recordLength + " octets: " + record);
            } else {
                byte[] fixed = Arrays.copyOf(octets, recordLength);
                Arrays.fill(fixed, octets.length, recordLength, (byte) 0x40);
                out.writeBytes(fixed);
            }
        }
        return out.toByteArray();
    }

    private static boolean isFolded(String record) {
        return !record.isBlank() && (record.startsWith(" ") || record.startsWith("\t"));
    }
}
