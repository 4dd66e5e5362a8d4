package org.spoolmail.plugins.parse.control;

import org.spoolmail.exits.mail.HeaderRecords;

/**
 * One record of a deck: its number, its raw octets in the deck's CCSID, and its text decoded with that CCSID.
 *
 * @param number the record number, 1-based
 * @param octets the record's octets, without line end or RDW
 * @param text the octets decoded with the deck's CCSID
 */
record DeckRecord(long number, byte[] octets, String text) {

    /**
     * @return the text without trailing blanks, tabs and NULs (the padding of fixed-length records) and the
     *     line-end characters CR, LF and NEL that x'0D', x'15' and x'25' at a record's end decode to: trimmed as on
     *     command and header records; inside the text they stay, to be refused
     */
    String stripped() {
        return HeaderRecords.withoutPadding(text);
    }
}
