/**
 * The immutable value types that flow through the pipeline: the mail object (RFC 5321 section 2.3.1) with its
 * envelope, content, submitter identity, attributes and trace, and the pieces they are made of.
 *
 * <p>No value type accepts or returns {@code null}: an absent value is an {@link java.util.Optional}, none is an
 * empty list. Sizes are {@code long} octets; times are {@link java.time.Instant} and {@link java.time.Duration}.
 * Content is held by {@link org.spoolmail.exits.mail.ContentHandle}s that are read as streams, so a large
 * attachment is never forced into memory.
 *
 * @since 1.0.0
 */
package org.spoolmail.exits.mail;
