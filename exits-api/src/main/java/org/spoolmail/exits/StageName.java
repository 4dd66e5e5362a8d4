package org.spoolmail.exits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name pipeline.yaml uses for an extension ({@code use: smtp-datastream}, {@code routines: [directory-sender]}).
 * Kebab-case, unique among the extensions of one extension point. Class names never appear in pipeline.yaml.
 * After Logstash's {@code @LogstashPlugin(name)}.
 *
 * @since 1.0.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StageName {

    /**
     * The kebab-case name, e.g. {@code deliver-outbox}.
     *
     * @return the name
     */
    String value();
}
