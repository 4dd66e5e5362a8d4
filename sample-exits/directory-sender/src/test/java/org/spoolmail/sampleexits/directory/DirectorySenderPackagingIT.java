package org.spoolmail.sampleexits.directory;

import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.contract.PluginPackagingContract;

class DirectorySenderPackagingIT extends PluginPackagingContract {

    @Override
    protected Class<?> extensionPoint() {
        return MailExit.class;
    }
}
