package org.spoolmail.plugins.verify.recipients;

import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.contract.PluginPackagingContract;

class VerifyRecipientsPackagingIT extends PluginPackagingContract {

    @Override
    protected Class<?> extensionPoint() {
        return MailStage.class;
    }
}
