package org.spoolmail.plugins.verify.recipients;

import java.util.List;
import java.util.Map;

import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.contract.MailStageContract;
import org.spoolmail.exits.fake.FakeExitRoutine;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.mail.ForwardPath;

class VerifyRecipientsContractTest extends MailStageContract {

    @Override
    protected MailStage newExtension() {
        return new VerifyRecipientsStage();
    }

    @Override
    protected FakeStageContext context(MailStage extension, Map<String, Object> raw) {
        return super.context(extension, raw).withExitRoutines(List.of(FakeExitRoutine.always("drop",
                ExitDecision.dropRecipients(List.of(ForwardPath.parse("nobody@example.org")), "not here"))));
    }
}
