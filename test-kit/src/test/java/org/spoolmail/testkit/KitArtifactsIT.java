package org.spoolmail.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/** The test kit is published as a normal artifact: its jar comes with a sources jar and a Javadoc jar. */
class KitArtifactsIT {

    private static final Path TARGET = Path.of("target");

    @Test
    void packageShouldAttachSourcesAndJavadocJarsWhenTheKitIsBuilt() throws Exception {
        assertTrue(entries("test-kit-*-sources.jar").containsAll(List.of("org/spoolmail/testkit/PipelineHarness.java",
                "org/spoolmail/testkit/MemoryDelivery.java", "org/spoolmail/testkit/DeliveredMail.java")));
        assertTrue(entries("test-kit-*-javadoc.jar").containsAll(List.of("org/spoolmail/testkit/PipelineHarness.html",
                "org/spoolmail/testkit/PipelineHarnessBuilder.html", "org/spoolmail/testkit/MemoryDelivery.html")));
    }

    private static List<String> entries(String glob) throws Exception {
        try (var files = Files.newDirectoryStream(TARGET, glob)) {
            Path jar = files.iterator().next();
            try (JarFile j = new JarFile(jar.toFile())) {
                return j.stream().map(e -> e.getName()).toList();
            }
        }
    }
}
