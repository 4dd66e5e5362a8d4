package org.spoolmail.exits.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.IdentityFact;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * The contract every parser passes, built-in or a site's: the {@link LifecycleContract} checks; for a valid
 * sample input a list of at least one mail object (never null, no null element), each carrying the input's
 * identity; for an empty input a {@link PermanentStageException} whose message names the input's origin (never an
 * empty list or null, which would lose the input silently); and equal results when one instance parses the sample
 * on 8 threads at once, 16 times each, as the kernel may call it. Results are compared by
 * {@link MailFingerprint}: everything but the id, which a parser may draw at random.
 *
 * <p>A site tests its parser by extending this class in its own tests and giving a real sample input, e.g. a file
 * from {@code src/test/resources}; {@link #input(String, byte[], Ccsid, RecordFormat)} wraps the octets with a
 * submitter the parser cannot have made up:
 *
 * <pre>{@code
 * class MyParserContractTest extends MailParserContract {
 *     protected MailParser newExtension() { return new MyParser(); }
 *     protected Map<String, Object> validConfig() { return Map.of("default-domain", "example.com"); }
 *     protected MailInput sampleInput() throws IOException {
 *         return input("job.txt", getClass().getResourceAsStream("/job.txt").readAllBytes(), Ccsid.of(1047),
 *                 RecordFormat.fixed(80));
 *     }
 * }
 * }</pre>
 */
public abstract class MailParserContract extends LifecycleContract<MailParser> {

    /** The submitter of every contract input: user, job name, job ID and step set, so a made-up one shows. */
    protected static final Identity CONTRACT_IDENTITY = new Identity(IdentityFact.established("CONTRACT"),
            Optional.of(IdentityFact.claimed("CONTRJOB")), Optional.of(IdentityFact.claimed("JOB04711")),
            Optional.empty(), IdentityFact.established("SYSC"), "contract-input", Optional.of(
                    IdentityFact.claimed("STEP01")));

    /**
     * A valid input the parser takes, e.g. a real job's output from {@code src/test/resources}.
     *
     * @return the input
     * @throws IOException if the sample cannot be read
     */
    protected abstract MailInput sampleInput() throws IOException;

    /**
     * The empty input: by default the sample's origin, CCSID, record format and identity with no octets.
     *
     * @return the input
     * @throws IOException if the sample cannot be read
     */
    protected MailInput emptyInput() throws IOException {
        MailInput sample = sampleInput();
        return new MailInput(sample.origin(), ContentHandle.ofBytes(new byte[0]), sample.ccsid(),
                sample.recordFormat(), sample.identity());
    }

    /**
     * Wraps octets as an input from {@link #CONTRACT_IDENTITY}.
     *
     * @param origin the file name the parser must use in its messages
     * @param data the octets
     * @param ccsid their CCSID
     * @param format how they divide into records
     * @return the input
     */
    protected static MailInput input(String origin, byte[] data, Ccsid ccsid, RecordFormat format) {
        return new MailInput(origin, ContentHandle.ofBytes(data), ccsid, format, CONTRACT_IDENTITY);
    }

    /** The work method. */
    @Nested
    class Parse {

        @Test
        void parseShouldReturnMailObjectsCarryingTheInputsIdentityWhenGivenTheSample() throws Exception {
            MailParser parser = initialised();
            MailInput input = sampleInput();

            List<MailObject> mail = parser.parse(input);

            assertNotNull(mail, "parse returned null for " + input.origin());
            assertFalse(mail.isEmpty(), "parse returned no mail object for " + input.origin());
            for (MailObject m : mail) {
                assertNotNull(m, "parse returned a list holding null: " + mail);
                assertEquals(input.identity(), m.identity(), "identity of " + m.id());
            }
            parser.close();
        }

        @Test
        void parseShouldThrowNamingTheOriginWhenTheInputIsEmpty() throws Exception {
            MailParser parser = initialised();
            MailInput empty = emptyInput();
            try {
                List<MailObject> mail = parser.parse(empty);
                fail("parse of the empty input " + empty.origin() + " returned " + mail
                        + " instead of throwing PermanentStageException");
            } catch (PermanentStageException e) {
                assertTrue(String.valueOf(e.getMessage()).contains(empty.origin()),
                        "the message does not name " + empty.origin() + ": " + e.getMessage());
            }
            parser.close();
        }

        @Test
        void parseShouldGiveEqualResultsWhenCalledFromManyThreadsAtOnce() throws Exception {
            MailParser parser = initialised();
            MailInput input = sampleInput();
            List<MailFingerprint> expected = MailFingerprint.of(parser.parse(input));

            List<List<MailFingerprint>> parsed = Concurrently.run(i -> () -> MailFingerprint.of(
                    parser.parse(input)));

            for (int i = 0; i < parsed.size(); i++) {
                assertEquals(expected, parsed.get(i), "call " + i);
            }
            parser.close();
        }
    }
}
