package org.spoolmail.sampleexits.domain;

import java.util.List;
import java.util.Map;

import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.contract.MailExitContract;

class DomainPolicyContractTest extends MailExitContract {

    @Override
    protected MailExit newExtension() {
        return new DomainPolicyExit();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("allow-sender-domains", List.of("example.org"),
                "deny-recipient-domains", List.of("*.example.net"));
    }
}
