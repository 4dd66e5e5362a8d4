package org.spoolmail.plugins.parse.smtp;

import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.contract.PluginPackagingContract;

/** The built jar loads as PF4J plugin {@code parse-smtp-datastream} and offers one {@link MailParser}. */
class SmtpDatastreamParserPackagingIT extends PluginPackagingContract {

    @Override
    protected Class<?> extensionPoint() {
        return MailParser.class;
    }
}
