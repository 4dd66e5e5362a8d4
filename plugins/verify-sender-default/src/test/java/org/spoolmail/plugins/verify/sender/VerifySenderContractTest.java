package org.spoolmail.plugins.verify.sender;

import java.util.List;
import java.util.Map;

import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.contract.MailStageContract;
import org.spoolmail.exits.fake.FakeExitRoutine;
import org.spoolmail.exits.fake.FakeStageContext;

class VerifySenderContractTest extends MailStageContract {

    @Override
    protected MailStage newExtension() {
        return new VerifySenderStage();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("from-alignment", "rewrite");
    }

    @Override
    protected FakeStageContext context(MailStage extension, Map<String, Object> raw) {
        return super.context(extension, raw).withExitRoutines(List.of(FakeExitRoutine.always("ok",
                ExitDecision.proceed())));
    }
}
