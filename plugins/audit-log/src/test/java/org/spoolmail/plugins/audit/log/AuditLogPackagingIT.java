package org.spoolmail.plugins.audit.log;

import org.spoolmail.exits.MailObserver;
import org.spoolmail.exits.contract.PluginPackagingContract;

class AuditLogPackagingIT extends PluginPackagingContract {

    @Override
    protected Class<?> extensionPoint() {
        return MailObserver.class;
    }
}
