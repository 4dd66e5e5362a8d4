package org.spoolmail.plugins.content.policy;

import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.contract.PluginPackagingContract;

class ContentPolicyPackagingIT extends PluginPackagingContract {

    @Override
    protected Class<?> extensionPoint() {
        return MailStage.class;
    }
}
