package org.spoolmail.kernel.pipeline;

import org.spoolmail.exits.MailParser;

/**
 * One parser the parse entry may use, with the {@code @StageName} that {@code --format} and format detection use.
 *
 * @param name the parser's stage name, e.g. {@code rfc5322-message}
 * @param parser the initialised parser
 */
public record ParserChoice(String name, MailParser parser) {
}
