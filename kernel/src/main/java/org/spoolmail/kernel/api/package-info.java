/**
 * The embedding API: run spoolmail's pipeline inside a Java application (a scheduler, a portal, a Spring Batch or
 * JBeret job) instead of through the {@code spoolmail} command.
 *
 * <p>{@link org.spoolmail.kernel.api.Spoolmail} is the one entry point: {@link
 * org.spoolmail.kernel.api.Spoolmail#builder()} loads a pipeline (a pipeline.yaml file or its text), the plugins
 * of a folder and extensions the application registers as objects; {@code submit} runs a
 * {@link org.spoolmail.kernel.api.Mail} built in code or a {@link org.spoolmail.kernel.api.RawInput} (an SMTP
 * datastream, a control-statement deck or an RFC 5322 message, in its CCSID and record format) and returns a
 * {@link org.spoolmail.kernel.api.MailResult} per mail object; {@code close} releases plugins, threads and
 * connections. A {@code Spoolmail} is thread-safe: any number of threads may submit at once.
 *
 * <p>The API's signatures use the JDK and exits-api types only (the SPI that stages and exit routines implement);
 * Guice, PF4J and SnakeYAML stay behind it.
 *
 * @since 1.0.0
 */
package org.spoolmail.kernel.api;
