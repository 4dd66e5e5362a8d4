package org.spoolmail.plugins.parse.rfc5322;

import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.contract.PluginPackagingContract;

/** The built jar loads as PF4J plugin {@code parse-rfc5322} and offers one {@link MailParser}. */
class Rfc5322MessageParserPackagingIT extends PluginPackagingContract {

    @Override
    protected Class<?> extensionPoint() {
        return MailParser.class;
    }
}
