package org.spoolmail.sampleexits.size;

import java.util.Map;

import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.contract.MailExitContract;

class SizeLimitContractTest extends MailExitContract {

    @Override
    protected MailExit newExtension() {
        return new SizeLimitExit();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("max-size", "10MiB");
    }
}
