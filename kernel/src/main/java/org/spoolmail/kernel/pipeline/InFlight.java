package org.spoolmail.kernel.pipeline;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.kernel.text.DisplayText;

/**
 * The items the runners of this process are working on, and the one shutdown hook that keeps them when the process
 * is told to end in the middle: a plugin calling {@code System.exit} or {@code Runtime.exit} by a route the load
 * check cannot see ({@link org.spoolmail.kernel.plugin.PluginHost}), or a signal such as SIGTERM. The hook holds
 * each item in flight with its reason, has it audited, and then ends the process with condition code 8 instead of
 * the status the caller chose, so that a job step never reads 0 for mail that was not sent. It cannot act on
 * {@code Runtime.halt} or SIGKILL, which run no hooks: plugins calling halt are refused at load, and SIGKILL loses
 * only what was in flight, as with any process. The hook is installed by the command line only
 * ({@link #install()}): in an application that embeds the kernel, the exit status is the application's.
 */
final class InFlight {

    private static final Map<Item, Boolean> ITEMS = new ConcurrentHashMap<>();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private InFlight() {
    }

    /**
     * Notes an item as in flight until the returned item is closed.
     *
     * @param keep what to do with the item if the process ends now: hold and audit it, given the mail object as it
     *     stands and the stage it is in; returns the line to print
     * @return the item; update it with {@link Item#at} before each stage, close it when the item has its outcome
     */
    static Item begin(Keeper keep) {
        Item item = new Item(keep);
        ITEMS.put(item, Boolean.TRUE);
        return item;
    }

    /**
     * Installs the shutdown hook, once. Only where the process is spoolmail's own (the CLI): in an application that
     * embeds the kernel, the process and its exit status belong to the application.
     */
    static void install() {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(InFlight::processEnding, "spoolmail-in-flight"));
        }
    }

    /** Keeps every item still in flight, then ends the process with 8; nothing when none is in flight. */
    static void processEnding() {
        if (ITEMS.isEmpty()) {
            return;
        }
        for (Item item : ITEMS.keySet()) {
            try {
                item.keep().ifPresent(line -> System.err.println(DisplayText.escape(line)));
            } catch (RuntimeException | Error e) {
                System.err.println(DisplayText.escape("spoolmail: an item in flight could not be kept: " + e));
            }
        }
        System.err.flush();
        // Only halt sets the status from a hook; the other hooks (log flush) have had their own threads meanwhile.
        Runtime.getRuntime().halt(ConditionCodes.REFUSED);
    }

    /** What the runner does with an item when the process ends under it. */
    interface Keeper {
        /**
         * @param mail the mail object as it stands
         * @param stage the stage it is in
         * @return the line that tells the operator where it is kept
         */
        String keep(MailObject mail, PipelineStage stage);
    }

    /** One item in flight: the mail object as it stands and the stage it is in. */
    static final class Item implements AutoCloseable {
        private final Keeper keeper;
        private volatile MailObject mail;
        private volatile PipelineStage stage;
        private final AtomicBoolean kept = new AtomicBoolean();

        private Item(Keeper keeper) {
            this.keeper = keeper;
        }

        /**
         * @param current the mail object about to enter a stage
         * @param next the stage
         */
        void at(MailObject current, PipelineStage next) {
            stage = next;
            mail = current;
        }

        private Optional<String> keep() {
            MailObject now = mail;
            return now == null || !kept.compareAndSet(false, true) ? Optional.empty()
                    : Optional.of(keeper.keep(now, stage));
        }

        /** The item has its outcome: the hook leaves it alone. */
        @Override
        public void close() {
            ITEMS.remove(this);
        }
    }
}
