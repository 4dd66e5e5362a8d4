package org.spoolmail.plugins.parse.control;

import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.contract.PluginPackagingContract;

/** The built jar loads as PF4J plugin {@code parse-control-statements} and offers one {@link MailParser}. */
class ControlStatementParserPackagingIT extends PluginPackagingContract {

    @Override
    protected Class<?> extensionPoint() {
        return MailParser.class;
    }
}
