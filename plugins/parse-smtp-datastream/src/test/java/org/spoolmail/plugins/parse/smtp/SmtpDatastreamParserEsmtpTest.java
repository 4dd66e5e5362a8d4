package org.spoolmail.plugins.parse.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;

/** What may follow the path of MAIL FROM and RCPT TO: ESMTP parameters only (RFC 5321 section 4.1.2). */
class SmtpDatastreamParserEsmtpTest {

    private static final String PARAMETER_RULE = " (RFC 5321 section 4.1.2)";

    @TempDir
    Path base;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "RCPT TO:<wayne@bar.com> <evil@x.com>|malformed RCPT TO command: '<evil@x.com>' after the address is not an"
            + " ESMTP parameter keyword[=value]" + PARAMETER_RULE,
        "RCPT TO:<a@b.com>junk;,@@|malformed RCPT TO command: 'junk;,@@' follows the closing '>' without a blank"
            + " (only ESMTP parameters keyword[=value] may follow the address, RFC 5321 section 4.1.2)",
        "RCPT TO:<a@b.com> NOTIFY=NEVER junk;|malformed RCPT TO command: 'junk;' after the address is not an ESMTP"
            + " parameter keyword[=value]" + PARAMETER_RULE,
        "RCPT TO:wayne@bar.com, evil@x.com|malformed RCPT TO command: 'wayne@bar.com, evil@x.com' is not one address"
            + " (an address without angle brackets may hold no blank and no comma; write RCPT TO:<address>, one per"
            + " command)",
        "RCPT TO:wayne@bar.com evil@x.com|malformed RCPT TO command: 'wayne@bar.com evil@x.com' is not one address"
            + " (an address without angle brackets may hold no blank and no comma; write RCPT TO:<address>, one per"
            + " command)",
        "RCPT TO:<b@example.com> NOTIFY=NEVER,SUCCESS|malformed RCPT TO command: ESMTP parameter NOTIFY value"
            + " 'NEVER,SUCCESS' is malformed: expected NEVER or a comma-separated list of SUCCESS, FAILURE and DELAY"
            + " (RFC 3461)",
        "RCPT TO:<b@example.com> ORCPT=b@example.com|malformed RCPT TO command: ESMTP parameter ORCPT value"
            + " 'b@example.com' is malformed: expected addr-type;xtext such as rfc822;a@example.com (RFC 3461)"})
    void parseShouldRefuseNamingTheRecordWhenRcptToIsFollowedByNoParameters(String rcpt, String reason)
            throws Exception {
        PermanentStageException e = failure("MAIL FROM:<a@example.com>", rcpt);

        assertEquals("job.smtp record 3: " + reason, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SIZE=12k|ESMTP parameter SIZE value '12k' is malformed: expected decimal digits (RFC 1870)",
        "SIZE|ESMTP parameter SIZE has no value: expected decimal digits (RFC 1870)",
        "BODY=9BIT|ESMTP parameter BODY value '9BIT' is malformed: expected 7BIT, 8BITMIME or BINARYMIME"
            + " (RFC 6152, RFC 3030)",
        "RET=ALL|ESMTP parameter RET value 'ALL' is malformed: expected FULL or HDRS (RFC 3461)",
        "ENVID=a+zz|ESMTP parameter ENVID value 'a+zz' is malformed: expected xtext (RFC 3461 section 4)",
        "SIZE=1\u00e9|'SIZE=1\u00e9' after the address is not an ESMTP parameter keyword[=value]" + PARAMETER_RULE})
    void parseShouldRefuseWhenAKnownMailFromParameterValueIsMalformed(String parameter, String reason)
            throws Exception {
        PermanentStageException e = failure("MAIL FROM:<a@example.com> " + parameter, "RCPT TO:<b@example.com>");

        assertEquals("job.smtp record 2: malformed MAIL FROM command: " + reason, e.getMessage());
    }

    @Test
    void parseShouldAcceptWellFormedParametersWhenKnownAndUnknown() throws Exception {
        List<MailObject> mail = Inputs.parser(Map.of(), base).parse(Inputs.ascii("job.smtp", "EHLO NODE1",
                "MAIL FROM:<a@example.com> SIZE=1200 BODY=8bitmime RET=HDRS ENVID=QQ+2B314 SMTPUTF8 X-SITE=a-b",
                "RCPT TO:<b@example.com> NOTIFY=SUCCESS,FAILURE,DELAY ORCPT=rfc822;b+40example.com",
                "RCPT TO:c@example.com", "DATA", "Subject: x", "", "text", "."));

        assertEquals(List.of(new ForwardPath(Mailbox.parse("b@example.com")),
                new ForwardPath(Mailbox.parse("c@example.com"))),
                mail.get(0).envelope().forwardPaths());
    }

    private PermanentStageException failure(String mailFrom, String rcptTo) {
        return assertThrows(PermanentStageException.class, () -> Inputs.parser(Map.of(), base).parse(
                Inputs.ascii("job.smtp", "HELO NODE1", mailFrom, rcptTo, "DATA", "Subject: x", "", "text", ".")));
    }
}
