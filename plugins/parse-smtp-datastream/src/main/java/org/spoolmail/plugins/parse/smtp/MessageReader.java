package org.spoolmail.plugins.parse.smtp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.HeaderRecords;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.RootPartHeaders;
import org.spoolmail.exits.mail.TextRecords;
import org.spoolmail.exits.mail.TraceEntry;

/**
 * Reads the data of one transaction: the records after DATA up to a line holding only "." (blanks and padding
 * allowed) or the end of the input. Each record is dot-unstuffed (RFC 5321 section 4.5.2); header lines are
 * decoded, body records are kept as octets in the input CCSID, trailing blanks included. A body line over the 998
 * octets of RFC 5322 section 2.1.1 (trailing blanks not counted) is kept, to go out quoted-printable, or refused
 * with its record when {@code long-lines: refuse}. Dotless domains in the address header fields are qualified with
 * {@code default-domain}, as in the envelope; an address field holding no address is kept and noted.
 */
final class MessageReader {

    /** The longest line RFC 5322 section 2.1.1 allows, in octets without CRLF. */
    static final int MAX_LINE_OCTETS = 998;

    private final InputRecords records;
    private final RecordText text;
    private final Ccsid ccsid;
    private final ParserSettings settings;
    private final List<TraceEntry> notes = new ArrayList<>();
    private boolean cutShort;

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
        cutShort = record == null;
        return data.content();
    }

    /**
     * @return true if the data last read ended at the end of the input instead of at a "." line: a job step that
     *     ended early, or a file truncated on its way, looks so, and only the submitter can tell
     */
    boolean cutShort() {
        return cutShort;
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
        private final HeaderRecords headers = new HeaderRecords();
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
                HeaderRecords.Kind kind = headers.accept(text.headerLine(line), records.location());
                inHeader = kind == HeaderRecords.Kind.FIELD;
                if (kind != HeaderRecords.Kind.BODY) {
                    return;
                }
            }
            checkLength(line);
            body.add(line);
        }

        MailContent content() throws PermanentStageException, IOException {
            MailContent content = RootPartHeaders.content(headers, body.finish());
            MailContent read = new MailContent(new HeaderAddresses(settings.defaultDomain())
                    .qualify(settings.atSign().headers(content.headers())), content.root());
            for (HeaderField f : HeaderAddresses.withoutAddress(read.headers())) {
                long record = headers.recordOf(f.name()).orElse(0L);
                notes.add(new TraceEntry("parse", Optional.empty(), "NOTE", records.at(record) + ": header field "
                        + f.name() + " '" + f.body() + "' holds no address; kept as written", Duration.ZERO));
            }
            return read;
        }
    }

    /** @return what the last message read was noted for: address fields without an address */
    List<TraceEntry> notes() {
        return List.copyOf(notes);
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
