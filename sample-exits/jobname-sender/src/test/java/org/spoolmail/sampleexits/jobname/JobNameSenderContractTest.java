package org.spoolmail.sampleexits.jobname;

import java.util.List;
import java.util.Map;

import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.contract.MailExitContract;

class JobNameSenderContractTest extends MailExitContract {

    @Override
    protected MailExit newExtension() {
        return new JobNameSenderExit();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("require-established-job", "false", "rules",
                List.of(Map.of("job", "PAY*", "send-as", "sender@example.org", "mode", "replace")));
    }
}
