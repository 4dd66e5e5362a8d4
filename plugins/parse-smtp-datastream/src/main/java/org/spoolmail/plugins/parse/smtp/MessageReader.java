package org.spoolmail.plugins.parse.smtp;

import java.io.IOException;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.TextRecords;

/**
 * Reads the data of one transaction: the records after DATA up to a line holding only "." (blanks and padding
 * allowed) or the end of the input. Each record is dot-unstuffed (RFC 5321 section 4.5.2); header lines are
 * decoded, body records are kept as octets in the input CCSID, trailing blanks included. A body line over the 998
 * octets of RFC 5322 section 2.1.1 (trailing blanks not counted) is kept, to go out quoted-printable, or refused
 * with its record when {@code long-lines: refuse}.
 */
final class MessageReader {

    /** The longest line RFC 5322 section 2.1.1 allows, in octets without CRLF. */
    static final int MAX_LINE_OCTETS = 998;

    private final InputRecords records;
    private final RecordText text;
    private final Ccsid ccsid;
    private final ParserSettings settings;

    MessageReader(InputRecords records, RecordText text, Ccsid ccsid, ParserSettings settings) {
        this.records = records;
        this.text = text;
        this.ccsid = ccsid;
        this.settings = settings;
    }

    /**
     * Reads the data after DATA up to and including the end-of-data line, dot-unstuffing each record.
     *
     * @return the message content
     * @throws PermanentStageException if a header field is malformed, or a line too long is refused
     * @throws IOException if reading the input or spilling the body fails
     */
    MailContent read() throws PermanentStageException, IOException {
        Data data = new Data();
        byte[] record;
        while ((record = records.next()) != null && !text.isEndOfData(record)) {
            data.take(text.unstuff(record));
        }
        return data.content();
    }

    /**
     * Reads a message that is not SMTP data (the interlink shape): no dot-unstuffing, no end-of-data line; the
     * message runs to the end of the input.
     *
     * @param first the message's first record, already read
     * @return the message content
     * @throws PermanentStageException if a header field is malformed, or a line too long is refused
     * @throws IOException if reading the input or spilling the body fails
     */
    MailContent readToEnd(byte[] first) throws PermanentStageException, IOException {
        Data data = new Data();
        byte[] record = first;
        while (record != null) {
            data.take(record);
            record = records.next();
        }
        return data.content();
    }

    /** The message being collected: header lines until the first body line, then body records. */
    private final class Data {
        private final HeaderLines headers = new HeaderLines();
        private final TextRecords.Writer body = TextRecords.writer(ccsid);
        private boolean inHeader = true;
        private long headerOctets;

        void take(byte[] line) throws PermanentStageException, IOException {
            if (inHeader) {
                headerOctets += line.length;
                if (headerOctets > settings.maxHeaderOctets()) {
                    throw records.error("the header section is longer than max-header-octets "
                            + settings.maxHeaderOctets());
                }
                HeaderLines.Kind kind = headers.accept(text.headerLine(line), records.location());
                inHeader = kind == HeaderLines.Kind.FIELD;
                if (kind != HeaderLines.Kind.BODY) {
                    return;
                }
            }
            checkLength(line);
            body.add(line);
        }

        MailContent content() throws PermanentStageException, IOException {
            MailContent content = RootPart.content(headers, body.finish(), records);
            return new MailContent(settings.atSign().headers(content.headers()), content.root());
        }
    }

    private void checkLength(byte[] line) throws PermanentStageException {
        if (!settings.refuseLongLines()) {
            return;
        }
        int octets = text.contentOctets(line);
        if (octets > MAX_LINE_OCTETS) {
            throw records.error("data line is " + octets + " octets, longer than the " + MAX_LINE_OCTETS
                    + " RFC 5322 allows (long-lines: refuse)");
        }
    }
}
