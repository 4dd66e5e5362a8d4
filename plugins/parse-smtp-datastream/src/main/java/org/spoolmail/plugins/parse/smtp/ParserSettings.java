package org.spoolmail.plugins.parse.smtp;

import java.util.Optional;

import org.slf4j.Logger;

/**
 * The parser's validated configuration, read once in {@code init}.
 *
 * @param defaultDomain the domain that qualifies dotless domains (JES node names), without a leading dot
 * @param maxCommandOctets the longest command record allowed, in octets, trailing padding not counted
 * @param refuseLongLines true to refuse a data line over 998 octets; false to keep it (it goes out quoted-printable)
 * @param maxRecipients the most RCPT TO commands one transaction may hold
 * @param maxSyntaxErrors how many bad commands are skipped (and traced) before the input is refused as a whole
 * @param stripSequenceNumbers true to drop columns 73-80 of fixed 80-octet records
 * @param atSign the national character typed for '@' in command records and address header fields, if any
 * @param maxHeaderOctets the longest header section of one message, in octets of its records
 * @param logger the stage's logger
 */
record ParserSettings(Optional<String> defaultDomain, int maxCommandOctets, boolean refuseLongLines,
        int maxRecipients, int maxSyntaxErrors, boolean stripSequenceNumbers, AtSign atSign, long maxHeaderOctets,
        Logger logger) {

    /** The default of {@code max-header-octets}: 256 KiB. */
    static final long DEFAULT_MAX_HEADER_OCTETS = 256 * 1024;

    /** @return the settings of a parser with no configuration */
    static ParserSettings defaults(Logger logger) {
        return new ParserSettings(Optional.empty(), 510, false, 2000, 0, false, AtSign.NONE,
                DEFAULT_MAX_HEADER_OCTETS, logger);
    }
}
