package org.spoolmail.kernel.queue;

import java.util.Objects;

/**
 * A drop the pickup could not take in as mail: a file that is not a drop file or whose header is bad (kept as a held
 * item, so the operator sees what was dropped and by whom), or a drop whose owner cannot be established (a symbolic
 * link, a folder, a FIFO, a file with several names), which is removed unread. The server writes its audit record
 * and applies {@code bad-spool-disposition} to a held one.
 *
 * @param id the queue ID it got: the held item's ID, or the ID it was taken under before it was removed
 * @param name the name it had in the drop folder, as the submitter chose it
 * @param owner the user ID owning it (for a link, the link's own owner)
 * @param held true when a held item of this ID is in the queue; false when it was removed
 * @param reason why it was refused, naming the header field where one is at fault
 * @param sizeOctets its size in octets (for a link, the link's own size)
 */
public record RefusedDrop(String id, String name, String owner, boolean held, String reason, long sizeOctets) {

    /** Checks the components. */
    public RefusedDrop {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reason, "reason");
    }
}
