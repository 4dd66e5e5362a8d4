package org.spoolmail.kernel.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.IdentityFact;

class IdentityResolverTest {

    private static final String OS_USER = System.getProperty("user.name");

    @Test
    void resolveShouldEstablishTheOsUserAndClaimNothingWhenCronRunsItWithoutVariables() throws Exception {
        Identity identity = new IdentityResolver(Map.of("USER", "root", "LOGNAME", "root"))
                .resolve("/tmp/in.smtp", IdentityResolver.Claims.NONE);

        assertEquals(IdentityFact.established(OS_USER), identity.userId());
        assertEquals(Optional.empty(), identity.jobName());
        assertEquals(Optional.empty(), identity.jobId());
        assertEquals(Optional.empty(), identity.step());
        assertEquals(Optional.empty(), identity.program());
        assertEquals("/tmp/in.smtp", identity.origin());
    }

    @Test
    void resolveShouldClaimJobNameIdStepAndProgramWhenSpoolmailVariablesAreSet() throws Exception {
        Identity identity = new IdentityResolver(Map.of("SPOOLMAIL_JOBNAME", "PAYROLL1", "SPOOLMAIL_JOBID",
                "JOB01234", "SPOOLMAIL_STEP", "STEP020", "SPOOLMAIL_PROGRAM", "PAYRPT")).resolve("stdin",
                IdentityResolver.Claims.NONE);

        assertEquals(Optional.of(IdentityFact.claimed("PAYROLL1")), identity.jobName());
        assertEquals(Optional.of(IdentityFact.claimed("JOB01234")), identity.jobId());
        assertEquals(Optional.of(IdentityFact.claimed("STEP020")), identity.step());
        assertEquals(Optional.of(IdentityFact.claimed("PAYRPT")), identity.program());
    }

    @Test
    void resolveShouldTakeTheJobNameAfterTheStreamWhenIbmWorkloadSchedulerRunsIt() throws Exception {
        Identity identity = new IdentityResolver(Map.of("UNISON_JOB", "MASTER#DAILYPAY.PAYROLL1",
                "UNISON_JOBNUM", "27181")).resolve("stdin", IdentityResolver.Claims.NONE);

        assertEquals(Optional.of(IdentityFact.claimed("PAYROLL1")), identity.jobName());
        assertEquals(Optional.of(IdentityFact.claimed("27181")), identity.jobId());
    }

    @Test
    void resolveShouldClaimJp1JobNameAndExecutionIdWhenAjs3RunsIt() throws Exception {
        Identity identity = new IdentityResolver(Map.of("AJSJOBNAME", "PAYROLL1", "AJSEXECID", "@A123"))
                .resolve("stdin", IdentityResolver.Claims.NONE);

        assertEquals(Optional.of(IdentityFact.claimed("PAYROLL1")), identity.jobName());
        assertEquals(Optional.of(IdentityFact.claimed("@A123")), identity.jobId());
    }

    @Test
    void resolveShouldPreferFlagsThenOwnVariablesThenTheSchedulersWhenSeveralAreSet() throws Exception {
        IdentityResolver resolver = new IdentityResolver(Map.of("SPOOLMAIL_JOBNAME", "OWNNAME", "UNISON_JOB",
                "WS#S.TWSNAME", "UNISON_JOBNUM", "99", "SPOOLMAIL_JOBID", "JOB00001"));

        Identity flagged = resolver.resolve("stdin", new IdentityResolver.Claims(Optional.of("FLAGNAME"),
                Optional.empty(), Optional.empty()));

        assertEquals(Optional.of(IdentityFact.claimed("FLAGNAME")), flagged.jobName());
        assertEquals(Optional.of(IdentityFact.claimed("JOB00001")), flagged.jobId());
    }

    @Test
    void resolveShouldIgnoreAClaimWhenItHoldsAControlCharacterOrIsBlank() throws Exception {
        Identity identity = new IdentityResolver(Map.of("SPOOLMAIL_JOBNAME", "PAY\r\nBcc: x@y", "SPOOLMAIL_JOBID",
                "  ", "UNISON_JOBNUM", "42")).resolve("stdin", IdentityResolver.Claims.NONE);

        assertEquals(Optional.empty(), identity.jobName());
        assertEquals(Optional.of(IdentityFact.claimed("42")), identity.jobId());
    }

    @Test
    void resolveShouldKeepTheUserIdEstablishedWhenTheEnvironmentClaimsAnotherUser() throws Exception {
        Identity identity = new IdentityResolver(Map.of("USER", "ceo", "LOGNAME", "ceo", "SPOOLMAIL_USER", "ceo"))
                .resolve("stdin", new IdentityResolver.Claims(Optional.of("ceo"), Optional.empty(),
                        Optional.empty()));

        assertEquals(IdentityFact.established(OS_USER), identity.userId());
    }

    @Test
    void resolveShouldIgnoreAJobNameFromTheEnvironmentWhenItHoldsALineSeparator() throws Exception {
        Identity identity = new IdentityResolver(Map.of("SPOOLMAIL_JOBNAME", "PAY\u2028X", "SPOOLMAIL_JOBID",
                "JOB01234")).resolve("job.smtp", IdentityResolver.Claims.NONE);

        assertEquals(Optional.empty(), identity.jobName());
        assertEquals("JOB01234 (claimed)", identity.jobId().orElseThrow().toString());
    }

    @Test
    void resolveShouldNotPassOverABadJobNameToTheNextSchedulersVariable() throws Exception {
        Identity identity = new IdentityResolver(Map.of("SPOOLMAIL_JOBNAME", "PAY\rX", "UNISON_JOB", "WS#S.TWSNAME"))
                .resolve("job.smtp", IdentityResolver.Claims.NONE);

        assertEquals(Optional.empty(), identity.jobName());
    }

    @Test
    void environmentRefusalShouldNameTheVariableAndCharacterOfTheFirstSetClaimTheFlagsLeaveOpen() throws Exception {
        Map<String, String> environment = Map.of("SPOOLMAIL_JOBID", " ", "UNISON_JOBNUM", "7\u0085",
                "SPOOLMAIL_PROGRAM", "PGM\u2028X");
        IdentityResolver.Claims programFlag = new IdentityResolver.Claims(Optional.empty(), Optional.empty(),
                Optional.of("IEBGENER"));
        IdentityResolver.Claims both = new IdentityResolver.Claims(Optional.empty(), Optional.of("J1"),
                Optional.of("IEBGENER"));

        assertEquals(Optional.of("UNISON_JOBNUM holds control character U+0085"),
                IdentityResolver.environmentRefusal(environment, programFlag));
        assertEquals(Optional.of("SPOOLMAIL_PROGRAM holds control character U+2028"),
                IdentityResolver.environmentRefusal(Map.of("SPOOLMAIL_PROGRAM", "PGM\u2028X"),
                        IdentityResolver.Claims.NONE));
        assertEquals(Optional.empty(), IdentityResolver.environmentRefusal(environment, both));
        assertEquals(Optional.empty(), IdentityResolver.environmentRefusal(Map.of("UNISON_JOB", "WS#S.PAYROLL"),
                IdentityResolver.Claims.NONE));
    }

    @Test
    void refusalShouldNameTheCharacterWhenAFlagValueHoldsAControlCharacter() throws Exception {
        assertEquals(Optional.of("holds control character U+001B"), IdentityResolver.refusal("PAY\u001b[2J"));
        assertEquals(Optional.of("is empty"), IdentityResolver.refusal("  "));
        assertEquals(Optional.empty(), IdentityResolver.refusal("PAYROLL1"));
        assertEquals(Optional.empty(), IdentityResolver.refusal(null));
    }
}
