package org.spoolmail.plugins.parse.control;

/**
 * One record of a deck: its number, its raw octets in the deck's CCSID, and its text decoded with that CCSID.
 *
 * @param number the record number, 1-based
 * @param octets the record's octets, without line end or RDW
 * @param text the octets decoded with the deck's CCSID
 */
record DeckRecord(long number, byte[] octets, String text) {

    /** @return the text without trailing blanks, tabs and NULs (the padding of fixed-length records) */
    String stripped() {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t'
                || text.charAt(end - 1) == '\0')) {
            end--;
        }
        return text.substring(0, end);
    }
}
