package org.spoolmail.plugins.deliver.smtp;

import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.contract.PluginPackagingContract;

class SmtpPackagingIT extends PluginPackagingContract {

    @Override
    protected Class<?> extensionPoint() {
        return MailStage.class;
    }
}
