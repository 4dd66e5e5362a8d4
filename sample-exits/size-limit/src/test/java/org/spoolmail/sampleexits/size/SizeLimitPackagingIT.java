package org.spoolmail.sampleexits.size;

import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.contract.PluginPackagingContract;

class SizeLimitPackagingIT extends PluginPackagingContract {

    @Override
    protected Class<?> extensionPoint() {
        return MailExit.class;
    }
}
