package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.config.PipelineConfig;
import org.spoolmail.kernel.config.PipelineConfigLoader;
import org.spoolmail.kernel.pipeline.ConditionCodes;
import org.spoolmail.kernel.queue.DirectorySpool;
import org.spoolmail.kernel.queue.ServerLock;
import org.spoolmail.kernel.queue.SpoolOpener;
import org.spoolmail.kernel.queue.SpoolQueue;
import org.spoolmail.kernel.spool.DeliveryReports;
import org.spoolmail.kernel.spool.ItemLog;
import org.spoolmail.kernel.spool.SpoolServer;
import org.spoolmail.kernel.text.IoReason;

/**
 * {@code spoolmail spool [--once] [--workers N]}: the spool server. Creates the spool's folders when they are
 * missing, then drains it with N workers: {@code --once} until nothing is ready (a batch step), otherwise until
 * SIGTERM or SIGINT, after which it takes no new item, finishes the ones in flight and exits 0. One line per item on
 * standard output. One server per directory spool: a second one finds the first one's lock and exits 16.
 */
final class SpoolCommand extends ParsedCommand {

    private final Launch launch;

    SpoolCommand(Console console, Launch launch) {
        super(console);
        this.launch = launch;
    }

    @Override
    public String name() {
        return "spool";
    }

    @Override
    public String synopsis() {
        return "";
    }

    @Override
    public String summary() {
        return "run the spool server: relay what submitters queued, retry, hold and report what could not go";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(CommonOptions.config())
                .addOption(CommonOptions.plugins())
                .addOption(Option.builder().longOpt("once").desc("drain what is ready, then exit").get())
                .addOption(Option.builder().longOpt("workers").hasArg().argName("N")
                        .desc("items delivered at once (default: spool.workers of the pipeline, 4)").get())
                .addOption(CommonOptions.help());
    }

    @Override
    int run(CommandLine line) {
        if (!line.getArgList().isEmpty()) {
            return usageError("no arguments expected, got " + line.getArgList());
        }
        PipelineConfig config;
        try {
            config = new PipelineConfigLoader(true).read(launch.configFile(Optional.ofNullable(
                    line.getOptionValue("config"))));
        } catch (ConfigException e) {
            return configError(e, "the spool server did not start");
        }
        if (line.hasOption("workers")) {
            String n = line.getOptionValue("workers");
            if (!n.matches("\\d{1,3}") || Integer.parseInt(n) < 1 || Integer.parseInt(n) > 256) {
                return usageError("--workers " + n + ": expected a number from 1 to 256");
            }
            config = config.withSpool(config.spool().withWorkers(Integer.parseInt(n)));
        }
        Path plugins = launch.pluginsFolder(Optional.ofNullable(line.getOptionValue("plugins")), Optional.of(config));
        config = config.withOverrides(Optional.empty(), Optional.empty(), Optional.of(plugins));
        ItemLog log = text -> {
            synchronized (console) {
                console.out.println(text);
                console.out.flush();
            }
        };
        SpoolQueue queue = null;
        Optional<ServerLock> lock = Optional.empty();
        try {
            queue = SpoolOpener.open(config.spool(), Clock.systemUTC());
            if (queue instanceof DirectorySpool d) {
                lock = ServerLock.tryAcquire(d.serverLockFile());
                if (lock.isEmpty()) {
                    return served(config, d.serverLockFile());
                }
            }
            return serve(config, plugins, queue, line.hasOption("once"), log);
        } catch (ConfigException e) {
            return configError(e, "the spool server did not start");
        } catch (IOException e) {
            console.problem(name(), "spool " + config.spool().directory() + ": " + IoReason.withFile(e)
                    + " (condition code 16)");
            return ConditionCodes.ENVIRONMENT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ConditionCodes.ENVIRONMENT;
        } finally {
            SpoolOpener.close(queue);
            release(lock);
        }
    }

    private int serve(PipelineConfig config, Path plugins, SpoolQueue queue, boolean once, ItemLog log)
            throws ConfigException, IOException, InterruptedException {
        try (Kernel kernel = Kernel.start(config, plugins)) {
            org.spoolmail.exits.mail.Identity service = serviceIdentity();
            String system = service.systemName().value();
            SpoolServer server = new SpoolServer(queue, kernel.runner(), config.spool(), Clock.systemUTC(),
                    system, new DeliveryReports(queue, config.spool(), Clock.systemUTC(), system,
                            service.userId().value(), log), log);
            if (!once) {
                Signals.onTermination(server::stop);
            }
            server.run(once);
            log.line("spool: " + server.counters());
            return ConditionCodes.OK;
        }
    }

    /** A second server on a directory spool would take the first one's items from under it: it does not start. */
    private int served(PipelineConfig config, Path lockFile) throws IOException {
        long pid = ServerLock.pid(lockFile);
        console.problem(name(), "spool " + config.spool().directory() + " is served by " + (pid > 0 ? "pid " + pid
                : "another process") + " (it holds the lock on " + lockFile + "); one server per directory spool,"
                + " this one did not start (condition code 16)");
        return ConditionCodes.ENVIRONMENT;
    }

    private static void release(Optional<ServerLock> lock) {
        if (lock.isPresent()) {
            try {
                lock.get().close();
            } catch (IOException e) {
                // the process ends next, and the system releases the lock with it
            }
        }
    }

    /**
     * The account the server runs as (it submits its own delivery reports) and the system it runs on, resolved as
     * for every other identity, so its records name the same system as those of send, submit and queue purge.
     */
    private org.spoolmail.exits.mail.Identity serviceIdentity() throws ConfigException {
        return new org.spoolmail.kernel.identity.IdentityResolver(launch.environment()).resolve("spool",
                new org.spoolmail.kernel.identity.IdentityResolver.Claims(Optional.empty(), Optional.empty(),
                        Optional.empty()));
    }
}
