package org.spoolmail.plugins.verify.sender;

import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.contract.PluginPackagingContract;

class VerifySenderPackagingIT extends PluginPackagingContract {

    @Override
    protected Class<?> extensionPoint() {
        return MailStage.class;
    }
}
