package org.spoolmail.sampleexits.directory;

import java.util.List;
import java.util.Map;

import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.contract.MailExitContract;

class DirectorySenderContractTest extends MailExitContract {

    @Override
    protected MailExit newExtension() {
        return new DirectorySenderExit();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("mode", "verify", "entries", List.of(Map.of("user", "BATCH1", "send-as",
                List.of("sender@example.org"))));
    }
}
