package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.InputFiles;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.config.PipelineConfig;
import org.spoolmail.kernel.config.PipelineConfigLoader;
import org.spoolmail.kernel.identity.IdentityResolver;
import org.spoolmail.kernel.pipeline.ConditionCodes;
import org.spoolmail.kernel.pipeline.InputRefusedException;
import org.spoolmail.kernel.pipeline.ParsedInput;
import org.spoolmail.kernel.pipeline.QueueIds;
import org.spoolmail.kernel.pipeline.TransactionSplitter;
import org.spoolmail.kernel.queue.CarriedFile;
import org.spoolmail.kernel.queue.DropBatch;
import org.spoolmail.kernel.queue.DropTooLargeException;
import org.spoolmail.kernel.queue.FileCapture;
import org.spoolmail.kernel.queue.ItemTooLargeException;
import org.spoolmail.kernel.queue.JmsBatch;
import org.spoolmail.kernel.queue.JmsSpool;
import org.spoolmail.kernel.queue.SpoolOpener;
import org.spoolmail.kernel.queue.SpoolQueue;
import org.spoolmail.kernel.queue.Submission;

/**
 * {@code spoolmail submit [-c pipeline.yaml] [--codepage CCSID] [--records FMT] [--format NAME] FILE...|-}: hands
 * each input to the spool server. The input is parsed first, so bad input gets condition code 12 at once with its
 * file and record and nothing of it is queued; each transaction becomes one item, written into the spool's drop
 * folder atomically, and its queue ID is printed. The server establishes the submitter from the drop's owner; job
 * facts given here stay claims.
 */
final class SubmitCommand extends ParsedCommand {

    private final Launch launch;

    SubmitCommand(Console console, Launch launch) {
        super(console);
        this.launch = launch;
    }

    @Override
    public String name() {
        return "submit";
    }

    @Override
    public String synopsis() {
        return "FILE...|-";
    }

    @Override
    public String summary() {
        return "check each input and queue it for the spool server, one item per transaction; print each queue ID";
    }

    @Override
    public Options options() {
        Options options = new Options()
                .addOption(CommonOptions.config())
                .addOption(CommonOptions.plugins())
                .addOption(CommonOptions.help());
        return CommonOptions.claims(CommonOptions.inputShape(options, CommonOptions.FORMATS));
    }

    @Override
    int run(CommandLine line) {
        if (line.getArgList().isEmpty()) {
            return usageError("no input: name one or more files, or - for standard input");
        }
        Optional<String> refused = JobClaims.flagRefusal(line);
        if (refused.isPresent()) {
            return usageError(refused.get());
        }
        refused = JobClaims.environmentRefusal(line, launch.environment(), "nothing was queued");
        if (refused.isPresent()) {
            console.problem(name(), refused.get());
            return ConditionCodes.ENVIRONMENT;
        }
        PipelineConfig config;
        Optional<Ccsid> ccsid;
        Optional<RecordFormat> records;
        try {
            ccsid = Optional.ofNullable(line.getOptionValue("codepage")).map(Ccsid::parse);
            records = Optional.ofNullable(line.getOptionValue("records")).map(RecordFormat::parse);
        } catch (IllegalArgumentException e) {
            console.problem(name(), e.getMessage() + " (condition code 12)");
            return ConditionCodes.BAD_INPUT;
        }
        try {
            config = new PipelineConfigLoader(true).read(launch.configFile(Optional.ofNullable(
                    line.getOptionValue("config"))));
        } catch (ConfigException e) {
            return configError(e, "nothing was queued");
        }
        Path plugins = launch.pluginsFolder(Optional.ofNullable(line.getOptionValue("plugins")), Optional.of(config));
        config = config.withOverrides(ccsid, records, Optional.of(plugins));
        SpoolQueue broker = null;
        ItemSink sink;
        if (config.spool().jms().isPresent()) {
            try {
                broker = SpoolOpener.open(config.spool(), java.time.Clock.systemUTC());
            } catch (IOException e) {
                console.problem(name(), "spool broker " + config.spool().jms().get().url() + ": " + e.getMessage()
                        + "; nothing was queued (condition code 16)");
                return ConditionCodes.ENVIRONMENT;
            }
            sink = new BrokerSink((JmsSpool) broker, config.spool().maxDropOctets());
        } else {
            Path drops = config.spool().directory().resolve("incoming");
            if (!Files.isDirectory(drops)) {
                console.problem(name(), "no spool drop folder " + drops + ": start 'spoolmail spool' once, which"
                        + " creates the spool (condition code 16)");
                return ConditionCodes.ENVIRONMENT;
            }
            sink = new DropSink(new DropBatch(drops, config.spool().maxDropOctets()));
        }
        try (Kernel kernel = Kernel.start(config, plugins)) {
            IdentityResolver.Claims claims = JobClaims.of(line);
            IdentityResolver identities = new IdentityResolver(launch.environment());
            int code = 0;
            for (String file : line.getArgList()) {
                code = Math.max(code, submitOne(kernel, config, file, identities, claims, sink,
                        Optional.ofNullable(line.getOptionValue("format"))));
            }
            return code;
        } catch (ConfigException e) {
            return configError(e, "nothing was queued");
        } finally {
            sink.abandon();
            SpoolOpener.close(broker);
        }
    }

    private int submitOne(Kernel kernel, PipelineConfig config, String file, IdentityResolver identities,
            IdentityResolver.Claims claims,
            ItemSink drops, Optional<String> format) {
        String origin = file.equals("-") ? "stdin" : file;
        Path path;
        try {
            path = file.equals("-") ? stdin(config.spool().maxDropOctets()) : Path.of(file);
            if (Files.isDirectory(path)) {
                throw new IOException("is a folder");
            }
            ContentHandle data = ContentHandle.ofFile(path);
            Identity identity = identities.resolve(origin, claims);
            // Every file the input names is opened now, as the submitter, and travels inside the drop: the server
            // never opens a path the drop names (relative paths: the deck's folder, or this working folder for -).
            FileCapture files = new FileCapture(InputFiles.beside(origin));
            MailInput input = new MailInput(origin, data, config.inputCcsid(), config.inputRecords(), identity, files);
            ParsedInput parsed = kernel.runner().parse(input, format);
            QueueIds ids = new QueueIds(java.time.Clock.systemUTC());
            List<String> queued = new java.util.ArrayList<>();
            List<TransactionSplitter.Piece> pieces = new TransactionSplitter(kernel.runner()).split(input, parsed);
            List<FileCapture> captures = new java.util.ArrayList<>();
            for (TransactionSplitter.Piece piece : pieces) {
                FileCapture own = captures(kernel, input, parsed, piece, pieces.size(), files);
                long octets = piece.data().sizeOctets() + CarriedFile.total(own.carried());
                DropTooLargeException.check(origin, octets, config.spool().maxDropOctets());
                captures.add(own);
            }
            for (int i = 0; i < pieces.size(); i++) {
                TransactionSplitter.Piece piece = pieces.get(i);
                String id = ids.next();
                Submission s = new Submission(identity.userId().value(), true, Submission.claimsOf(identity), origin,
                        Optional.of(parsed.parser()), input.ccsid(), input.recordFormat(), piece.index());
                drops.put(id, s, piece.data(), captures.get(i));
                queued.add(id + " QUEUED " + piece.mail().envelope().reversePath() + " -> "
                        + String.join(" ", piece.mail().envelope().forwardPaths().stream().map(Object::toString)
                                .toList()));
                if (!drops.batched()) {
                    queued.forEach(console.out::println);
                    queued.clear();
                }
            }
            drops.commit();
            queued.forEach(console.out::println);
            console.out.flush();
            return ConditionCodes.OK;
        } catch (InputRefusedException e) {
            drops.abandon();
            console.problem(name(), e.getMessage() + " (condition code " + e.conditionCode()
                    + "); nothing from this input was queued");
            return e.conditionCode();
        } catch (DropTooLargeException e) {
            return refusedForSize(e.getMessage());
        } catch (ItemTooLargeException e) {
            drops.abandon();
            return refusedForSize(origin + ": " + e.getMessage());
        } catch (IOException e) {
            drops.abandon();
            console.problem(name(), "cannot read or queue " + origin + ": " + e.getMessage()
                    + " (condition code 12)");
            return ConditionCodes.BAD_INPUT;
        }
    }

    /**
     * A size bound of the spool (the directory spool's max-drop-size, the JMS spool's max-item-size) is a site limit,
     * like a relay's SIZE refusal (RFC 1870 section 6, a permanent 552): the input is refused (8), not bad (12), on
     * either kind of spool.
     */
    private int refusedForSize(String why) {
        console.problem(name(), why + "; nothing from this input was queued (condition code 8)");
        return ConditionCodes.REFUSED;
    }

    /**
     * The files one item carries: all the input's when it is one item (or each item holds the whole input), else
     * those its own transaction names, found by parsing it again over the files already opened (none is reopened).
     */
    private static FileCapture captures(Kernel kernel, MailInput input, ParsedInput parsed,
            TransactionSplitter.Piece piece, int pieces, FileCapture files) throws IOException, InputRefusedException {
        if (pieces == 1 || piece.data() == input.data() || files.carried().isEmpty()) {
            return files;
        }
        FileCapture own = files.part();
        kernel.runner().parse(input.withData(piece.data()).withFiles(own), Optional.of(parsed.parser()));
        return own;
    }

    /** Where submitted items go: the drop folder, or the broker of a JMS spool. */
    private interface ItemSink {
        void put(String id, Submission submission, ContentHandle data, FileCapture files) throws IOException;

        /** @return true when nothing is queued before {@link #commit()} */
        default boolean batched() {
            return false;
        }

        default void commit() throws IOException {
        }

        /** Removes what was put but not committed (after a failure); nothing once everything was committed. */
        default void abandon() {
        }
    }

    /** A directory spool: the drops of one input are forced and published in groups ({@link DropBatch}). */
    private record DropSink(DropBatch batch) implements ItemSink {
        @Override
        public void put(String id, Submission submission, ContentHandle data, FileCapture files) throws IOException {
            batch.add(id, submission, data, files);
        }

        @Override
        public boolean batched() {
            return true;
        }

        @Override
        public void commit() throws IOException {
            batch.commit();
        }

        @Override
        public void abandon() {
            try {
                batch.close();
            } catch (IOException e) {
                // hidden temporary drops stay behind; the server never takes a name starting with '.'
            }
        }
    }

    /** A JMS spool: the items of one input go in one transaction, so the input is queued whole or not at all. */
    private static final class BrokerSink implements ItemSink {
        private final JmsBatch batch;
        private final long maxOctets;

        BrokerSink(JmsSpool spool, long maxOctets) {
            this.batch = spool.batch();
            this.maxOctets = maxOctets;
        }

        @Override
        public void put(String id, Submission submission, ContentHandle data, FileCapture files) throws IOException {
            Submission carrying = submission.carrying(files.carried());
            DropTooLargeException.check(submission.origin(), data.sizeOctets()
                    + CarriedFile.total(carrying.files()), maxOctets);
            try (InputStream in = files.append(data.open())) {
                batch.add(id, carrying, in);
            }
        }

        @Override
        public boolean batched() {
            return true;
        }

        @Override
        public void commit() throws IOException {
            batch.commit();
        }
    }

    /** Standard input, copied to a temporary file up to the spool's limit (no further: it could be endless). */
    private static Path stdin(long maxOctets) throws IOException {
        Path copy = Files.createTempFile("spoolmail-submit-", ".bin");
        copy.toFile().deleteOnExit();
        try (InputStream in = System.in; java.io.OutputStream out = Files.newOutputStream(copy)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                DropTooLargeException.check("stdin", total, maxOctets);
                out.write(buffer, 0, n);
            }
        }
        return copy;
    }
}
