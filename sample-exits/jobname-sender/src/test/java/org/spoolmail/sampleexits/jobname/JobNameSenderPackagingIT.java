package org.spoolmail.sampleexits.jobname;

import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.contract.PluginPackagingContract;

class JobNameSenderPackagingIT extends PluginPackagingContract {

    @Override
    protected Class<?> extensionPoint() {
        return MailExit.class;
    }
}
