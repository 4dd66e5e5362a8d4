package org.spoolmail.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * The jars `mvn install` puts into ~/.m2 beside exits-api's own: sources and Javadoc of the SPI and of its tests jar,
 * which an exit author's IDE shows for MailExit, MailObject and the Fake* fixtures (docs/writing-exits.md).
 */
class ExitsApiArtifactsIT {

    /** target/exits-api-VERSION, set by failsafe. */
    private static final String BASE = System.getProperty("artifact.base", "target/exits-api");

    @Test
    void packageShouldAttachSourcesAndJavadocOfTheApiAndOfItsTestsJar() throws IOException {
        assertEquals(List.of("org/spoolmail/exits/MailExit.java", "org/spoolmail/exits/mail/MailObject.java"),
                entries("-sources.jar", "org/spoolmail/exits/MailExit.java",
                        "org/spoolmail/exits/mail/MailObject.java"));
        assertEquals(List.of("org/spoolmail/exits/MailExit.html", "org/spoolmail/exits/mail/MailObject.html"),
                entries("-javadoc.jar", "org/spoolmail/exits/MailExit.html",
                        "org/spoolmail/exits/mail/MailObject.html"));
        assertEquals(List.of("org/spoolmail/exits/fake/FakeStageContext.java",
                "org/spoolmail/exits/contract/MailExitContract.java"), entries("-test-sources.jar",
                "org/spoolmail/exits/fake/FakeStageContext.java", "org/spoolmail/exits/contract/MailExitContract.java"));
        assertEquals(List.of("org/spoolmail/exits/fake/FakeStageContext.html",
                "org/spoolmail/exits/contract/MailExitContract.html"), entries("-test-javadoc.jar",
                "org/spoolmail/exits/fake/FakeStageContext.html", "org/spoolmail/exits/contract/MailExitContract.html"));
    }

    @Test
    void testsJarShouldNotCarryThisBuildCheck() throws IOException {
        try (JarFile jar = new JarFile(Path.of(BASE + "-tests.jar").toFile())) {
            assertEquals(List.of("org/spoolmail/exits/fake/FakeStageContext.class"),
                    jar.stream().map(e -> e.getName()).filter(n -> n.endsWith("/FakeStageContext.class")
                            || n.endsWith("/ExitsApiArtifactsIT.class")).toList());
        }
    }

    /** The wanted entries that the jar with this suffix holds, in the order asked. */
    private static List<String> entries(String suffix, String... wanted) throws IOException {
        try (JarFile jar = new JarFile(Path.of(BASE + suffix).toFile())) {
            return java.util.Arrays.stream(wanted).filter(w -> jar.getEntry(w) != null).toList();
        }
    }
}
