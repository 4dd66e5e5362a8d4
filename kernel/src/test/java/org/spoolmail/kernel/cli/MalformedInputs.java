package org.spoolmail.kernel.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.spoolmail.exits.mail.Ccsid;

/**
 * Malformed inputs in the three input formats, each with the error {@code spoolmail send} must give: the record and
 * the reason that follow the file name. Control octets are put into the encoded records, so they are exactly the
 * octets a job wrote (x'25', x'15', x'0D' in EBCDIC; CR, LF in ASCII), not what a charset made of a Java character.
 *
 * @param name what is wrong, for the test's display name
 * @param format the parser, as {@code --format} names it
 * @param ccsid the input's CCSID
 * @param records the input's record format, as {@code --records} names it
 * @param octets the input file
 * @param error the expected error after the file name, e.g. {@code record 1: unknown SMTP verb 'HLEO'}
 */
record MalformedInputs(String name, String format, int ccsid, String records, byte[] octets, String error) {

    static final String DATASTREAM = "smtp-datastream";
    static final String DECK = "control-statements";
    static final String MESSAGE = "rfc5322-message";

    @Override
    public String toString() {
        return name;
    }

    /** @return the lines as ASCII records ended by LF */
    static byte[] lf(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** @return the lines as fixed records of the length in the CCSID, padded with that CCSID's blank */
    static byte[] fixed(int ccsid, int lrecl, String... lines) {
        Charset charset = Ccsid.of(ccsid).charset();
        byte blank = " ".getBytes(charset)[0];
        byte[] data = new byte[lines.length * lrecl];
        Arrays.fill(data, blank);
        for (int i = 0; i < lines.length; i++) {
            byte[] line = lines[i].getBytes(charset);
            System.arraycopy(line, 0, data, i * lrecl, line.length);
        }
        return data;
    }

    /** @return the lines in the CCSID, each ended by EBCDIC NL x'15' */
    static byte[] nl(int ccsid, String... lines) {
        List<Byte> out = new ArrayList<>();
        for (String line : lines) {
            for (byte b : line.getBytes(Ccsid.of(ccsid).charset())) {
                out.add(b);
            }
            out.add((byte) 0x15);
        }
        byte[] data = new byte[out.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = out.get(i);
        }
        return data;
    }

    /**
     * @param data an input
     * @param marker the one character to replace, '~' in the cases, encoded as one octet
     * @param octet the octet that takes its place
     * @return the input with the first occurrence of the marker's octet replaced
     */
    static byte[] put(byte[] data, int ccsid, char marker, int octet) {
        byte encoded = String.valueOf(marker).getBytes(Ccsid.of(ccsid).charset())[0];
        byte[] copy = data.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == encoded) {
                copy[i] = (byte) octet;
                return copy;
            }
        }
        throw new IllegalArgumentException("no " + marker + " in the input");
    }
}
