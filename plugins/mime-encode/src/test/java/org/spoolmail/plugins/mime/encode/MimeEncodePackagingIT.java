package org.spoolmail.plugins.mime.encode;

import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.contract.PluginPackagingContract;

class MimeEncodePackagingIT extends PluginPackagingContract {

    @Override
    protected Class<?> extensionPoint() {
        return MailStage.class;
    }
}
