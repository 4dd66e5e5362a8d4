package org.spoolmail.exits.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * The unit of work of the pipeline: a mail object as RFC 5321 section 2.3.1 defines it (envelope and content),
 * with the submitter's identity, the attributes stages attach, and the trace of decisions made so far.
 *
 * <p>Immutable: each {@code with*} method returns a new object. Stages return the object they want later stages to
 * see. The kernel sets {@code identity}; a stage that changes it has its item held.
 *
 * @param id the kernel's identifier of this item (queue ID), unique within a run
 * @param envelope the envelope
 * @param content the header section and MIME tree
 * @param identity the submitter, set by the kernel
 * @param attributes named values attached by stages
 * @param trace the decisions made so far, oldest first
 * @since 1.0.0
 */
public record MailObject(String id, Envelope envelope, MailContent content, Identity identity,
        Attributes attributes, List<TraceEntry> trace) {

    /**
     * Checks and copies the components.
     *
     * @param id the kernel's identifier of this item (queue ID), unique within a run
     * @param envelope the envelope
     * @param content the header section and MIME tree
     * @param identity the submitter, set by the kernel
     * @param attributes named values attached by stages
     * @param trace the decisions made so far, oldest first
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the id is blank
     */
    public MailObject {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("mail object id must not be blank");
        }
        java.util.Objects.requireNonNull(envelope, "envelope");
        java.util.Objects.requireNonNull(content, "content");
        java.util.Objects.requireNonNull(identity, "identity");
        java.util.Objects.requireNonNull(attributes, "attributes");
        trace = List.copyOf(trace);
    }

    /**
     * Makes a new mail object with no attributes and an empty trace, as a parser does.
     *
     * @param id the item's identifier
     * @param envelope the envelope
     * @param content the content
     * @param identity the submitter
     * @return the mail object
     */
    public static MailObject of(String id, Envelope envelope, MailContent content, Identity identity) {
        return new MailObject(id, envelope, content, identity, Attributes.EMPTY, List.of());
    }

    /**
     * @param newEnvelope the new envelope
     * @return a copy with another envelope
     */
    public MailObject withEnvelope(Envelope newEnvelope) {
        return new MailObject(id, newEnvelope, content, identity, attributes, trace);
    }

    /**
     * @param newContent the new content
     * @return a copy with other content
     */
    public MailObject withContent(MailContent newContent) {
        return new MailObject(id, envelope, newContent, identity, attributes, trace);
    }

    /**
     * @param newAttributes the new attributes
     * @return a copy with other attributes
     */
    public MailObject withAttributes(Attributes newAttributes) {
        return new MailObject(id, envelope, content, identity, newAttributes, trace);
    }

    /**
     * Returns a copy with another identity. Only the kernel calls this; a stage that does has its item held.
     *
     * @param newIdentity the identity
     * @return a copy with another identity
     */
    public MailObject withIdentity(Identity newIdentity) {
        return new MailObject(id, envelope, content, newIdentity, attributes, trace);
    }

    /**
     * @param entry the decision to record
     * @return a copy with the entry appended to the trace
     */
    public MailObject withTrace(TraceEntry entry) {
        List<TraceEntry> copy = new ArrayList<>(trace);
        copy.add(entry);
        return new MailObject(id, envelope, content, identity, attributes, copy);
    }
}
