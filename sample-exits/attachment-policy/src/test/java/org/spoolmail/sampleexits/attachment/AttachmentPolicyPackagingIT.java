package org.spoolmail.sampleexits.attachment;

import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.contract.PluginPackagingContract;

class AttachmentPolicyPackagingIT extends PluginPackagingContract {

    @Override
    protected Class<?> extensionPoint() {
        return MailExit.class;
    }
}
