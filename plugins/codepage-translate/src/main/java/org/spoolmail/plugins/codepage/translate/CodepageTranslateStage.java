package org.spoolmail.plugins.codepage.translate;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.pf4j.Extension;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.TraceEntry;

/**
 * Translates every text part from its source CCSID into the outgoing charset: records become lines ending CRLF
 * (line ends come from the records, never from the charset), record padding is stripped, and each part is
 * labelled with the charset it really carries. A line-end character (x'0D', x'15', x'25' in EBCDIC) or NUL inside a
 * record becomes a blank, and the message gets a {@link TraceEntry#WARNING} naming the first one's part, line and
 * column (condition code 4). Binary parts and header fields (already Unicode) are not touched. Runs after
 * mime-encode.
 *
 * <pre>
 * pipeline:
 *   - stage: codepage-translate
 *     use: codepage-translate
 *     config:
 *       target-charset: UTF-8          # an ASCII-compatible charset; default UTF-8
 *       strip-trailing-blanks: true    # drop trailing blanks and NULs of each record; default true
 * </pre>
 */
@Extension
@StageName("codepage-translate")
public class CodepageTranslateStage implements MailStage {

    private static final byte[] ASCII_PROBE = "\r\n !\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~"
            .getBytes(StandardCharsets.US_ASCII);

    /** The charset text parts are sent in. */
    static final ConfigKey<Charset> TARGET_CHARSET = new ConfigKey<>("target-charset",
            Optional.of(StandardCharsets.UTF_8), false, "an ASCII-compatible charset such as UTF-8",
            CodepageTranslateStage::asciiCompatible);

    /** Whether trailing blanks and NULs (record padding) are removed from each line. */
    static final ConfigKey<Boolean> STRIP_TRAILING_BLANKS = ConfigKey.bool("strip-trailing-blanks", true);

    private volatile StageContext context;
    private volatile PartTranslator translator;
    private volatile String targetName;

    /** Creates the stage; PF4J calls this. */
    public CodepageTranslateStage() {
        // configured in init
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(TARGET_CHARSET, STRIP_TRAILING_BLANKS);
    }

    @Override
    public void init(StageContext stageContext) {
        Charset target = stageContext.config().get(TARGET_CHARSET);
        this.translator = new PartTranslator(target, stageContext.config().get(STRIP_TRAILING_BLANKS));
        this.targetName = target.name();
        this.context = stageContext;
    }

    @Override
    public StageOutcome process(MailObject mail) throws StageException {
        long start = System.nanoTime();
        TranslationTally tally = new TranslationTally(targetName);
        MimePart root;
        try {
            root = translate(mail.content().root(), "mail " + mail.id(), tally);
        } catch (IOException e) {
            throw new TransientStageException("mail " + mail.id() + ": cannot read or write a text part: "
                    + e.getMessage(), null, e);
        }
        String reason = tally.reason();
        context.logger().debug("mail {}: {}", mail.id(), reason);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        MailObject out = mail.withContent(mail.content().withRoot(root)).withTrace(new TraceEntry(
                "codepage-translate", Optional.empty(), "TRANSLATED", reason, elapsed));
        Optional<String> warning = tally.warning();
        return StageOutcome.next(warning.isEmpty() ? out : out.withTrace(new TraceEntry("codepage-translate",
                Optional.empty(), TraceEntry.WARNING, warning.get(), Duration.ZERO)));
    }

    private MimePart translate(MimePart part, String where, TranslationTally tally)
            throws PermanentStageException, IOException {
        if (part.isMultipart()) {
            List<MimePart> children = new ArrayList<>();
            for (int i = 0; i < part.children().size(); i++) {
                String child = where + (where.contains(" part ") ? "." : " part ") + (i + 1);
                children.add(translate(part.children().get(i), child, tally));
            }
            return part.withChildren(children);
        }
        if (part.body().orElseThrow() instanceof PartBody.Records records) {
            PartTranslator.Translated t = translator.translate(part, records.records(), where);
            int named = where.indexOf(" part ");
            tally.add(records.records().ccsid(), t, named < 0 ? "" : where.substring(named + 1));
            return t.part();
        }
        return part;
    }

    private static Charset asciiCompatible(Object raw) {
        String name = String.valueOf(raw).strip();
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown charset '" + name + "'", e);
        }
        if (!charset.canEncode() || !Arrays.equals(ASCII_PROBE,
                new String(ASCII_PROBE, StandardCharsets.US_ASCII).getBytes(charset))) {
            throw new IllegalArgumentException("charset '" + name + "' does not encode US-ASCII as itself,"
                    + " so mail cannot be sent in it");
        }
        return charset;
    }
}
