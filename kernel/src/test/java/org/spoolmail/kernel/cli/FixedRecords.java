package org.spoolmail.kernel.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

import org.spoolmail.exits.mail.Ccsid;

/**
 * A fixed-length record file (RECFM=FB) as a mainframe job writes it: each record the text encoded in the CCSID and
 * padded with blanks, no line-end octets between records. Control characters in the text are encoded by the
 * CCSID's charset into the record: LF is x'0A' in CCSID 819 and x'15' in CCSID 1047, CR x'0D', NEL x'85' / x'25'.
 */
final class FixedRecords {

    private final Charset charset;
    private final int length;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    FixedRecords(int ccsid, int length) {
        this.charset = Ccsid.of(ccsid).charset();
        this.length = length;
    }

    /** Adds one record. */
    FixedRecords add(String text) {
        byte[] octets = text.getBytes(charset);
        if (octets.length > length) {
            throw new IllegalArgumentException("record over " + length + " octets: " + text);
        }
        byte[] record = Arrays.copyOf(octets, length);
        Arrays.fill(record, octets.length, length, " ".getBytes(charset)[0]);
        out.writeBytes(record);
        return this;
    }

    byte[] octets() {
        return out.toByteArray();
    }
}
