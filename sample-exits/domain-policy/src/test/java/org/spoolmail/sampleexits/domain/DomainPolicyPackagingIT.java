package org.spoolmail.sampleexits.domain;

import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.contract.PluginPackagingContract;

class DomainPolicyPackagingIT extends PluginPackagingContract {

    @Override
    protected Class<?> extensionPoint() {
        return MailExit.class;
    }
}
