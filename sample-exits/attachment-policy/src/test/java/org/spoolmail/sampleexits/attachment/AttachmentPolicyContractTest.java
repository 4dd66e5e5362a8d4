package org.spoolmail.sampleexits.attachment;

import java.util.List;
import java.util.Map;

import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.contract.MailExitContract;

class AttachmentPolicyContractTest extends MailExitContract {

    @Override
    protected MailExit newExtension() {
        return new AttachmentPolicyExit();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("deny-extensions", List.of("exe"), "max-attachments", "3");
    }
}
