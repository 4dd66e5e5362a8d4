package org.spoolmail.kernel.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * How one input ended: its items, or the error that stopped it before any item existed.
 *
 * @param origin the file path or {@code stdin}
 * @param items one result per mail object; empty when {@code error} is present
 * @param error why the input could not be parsed (names file and record), if it could not
 * @param errorCode the condition code of that error (12 bad input, 16 environment); 0 when there is none
 * @param heldAt where the spool queue keeps the refused input (held), when it was kept there
 */
public record InputResult(String origin, List<ItemResult> items, Optional<String> error, int errorCode,
        Optional<SpoolHold.Kept> heldAt) {

    /** Copies the list. */
    public InputResult {
        items = List.copyOf(items);
    }

    /**
     * An input not kept in the spool queue.
     *
     * @param origin the file path or {@code stdin}
     * @param items one result per mail object
     * @param error why the input could not be parsed, if it could not
     * @param errorCode the condition code of that error; 0 when there is none
     */
    public InputResult(String origin, List<ItemResult> items, Optional<String> error, int errorCode) {
        this(origin, items, error, errorCode, Optional.empty());
    }

    /** @return the highest condition code of the input and its items */
    public int conditionCode() {
        return Math.max(errorCode, items.stream().mapToInt(ItemResult::conditionCode).max().orElse(0));
    }
}
