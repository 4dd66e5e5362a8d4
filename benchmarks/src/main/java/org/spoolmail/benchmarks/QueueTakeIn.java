package org.spoolmail.benchmarks;

import java.nio.file.Path;
import java.time.Clock;

import org.spoolmail.kernel.queue.DirectorySpool;

/**
 * Takes a spool's drops into its queue with the directory spool's own pickup (the spool server's first step), so
 * that a drain can be timed on items already queued. Run on the built distribution's class path:
 * {@code java -cp dist/lib/*:benchmarks/target/classes org.spoolmail.benchmarks.QueueTakeIn SPOOL EXPECTED}.
 */
public final class QueueTakeIn {

    private QueueTakeIn() {
    }

    public static void main(String[] args) throws Exception {
        DirectorySpool spool = DirectorySpool.open(Path.of(args[0]), Clock.systemUTC());
        int taken = spool.pickup().size();
        if (taken != Integer.parseInt(args[1]) || !spool.refusedDrops().isEmpty()) {
            System.err.println("took in " + taken + " of " + args[1] + " drops: " + spool.refusedDrops());
            System.exit(1);
        }
        System.out.println("took in " + taken);
    }
}
