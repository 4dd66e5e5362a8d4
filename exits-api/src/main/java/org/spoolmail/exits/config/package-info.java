/**
 * Typed configuration of stages and exit routines: the {@link org.spoolmail.exits.config.ConfigKey}s a stage
 * declares in its schema and the validated {@link org.spoolmail.exits.config.StageConfig} view it reads them from.
 *
 * <p>The kernel checks every stage's pipeline.yaml entry against its schema before the first message, so a stage's
 * {@code init} sees only values of the declared types. Durations and sizes always carry a unit in the file
 * ({@code 30s}, {@code 10MiB}); CCSIDs are read as decimal text, so {@code 01141} is 1141 and never octal.
 *
 * @since 1.0.0
 */
package org.spoolmail.exits.config;
