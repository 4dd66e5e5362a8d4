package org.spoolmail.plugins.parse.smtp;

import java.util.Optional;

import org.slf4j.Logger;

/**
 * The parser's validated configuration, read once in {@code init}.
 *
 * @param defaultDomain the domain that qualifies dotless domains (JES node names), without a leading dot
 * @param maxCommandOctets the longest command record allowed, in octets, trailing padding not counted
 * @param logger the stage's logger
 */
record ParserSettings(Optional<String> defaultDomain, int maxCommandOctets, Logger logger) {
}
