package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.fake.FakeStageContext;

/**
 * Builds a copy of docs/examples/site-exit with Maven in a subprocess, as docs/writing-exits.md tells a site to,
 * from a clean state: a fresh local repository into which the exits-api jar and tests jar this build produced are
 * installed with {@code install:install-file}; everything else (Maven plugins, pf4j, JUnit) is copied on demand
 * from the build's own local repository, named as a {@code file:} mirror, and the build is offline
 * ({@code -o} with {@code aether.offline.protocols=file}), so it never reaches the network.
 */
final class ExampleBuild {

    static final Path ROOT = Path.of(System.getProperty("spoolmail.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("spoolmail.version", "1.0.0-SNAPSHOT");
    private static final Path LOCAL_REPOSITORY = Path.of(System.getProperty("spoolmail.local-repository",
            System.getProperty("user.home") + "/.m2/repository"));

    private ExampleBuild() {
    }

    /**
     * @param work an empty folder for the project copy, the repository and the build logs
     * @return the built plugin jar
     */
    static Path packageSiteExit(Path work) throws IOException, InterruptedException {
        Path project = copyWithoutTarget(ROOT.resolve("docs/examples/site-exit"), work.resolve("site-exit"));
        Path repository = Files.createDirectories(work.resolve("repository"));
        install(work, installer(work, repository));
        Path settings = mirrorSettings(work);
        maven(project, work.resolve("package.log"), "-o", "-Daether.offline.protocols=file", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repository, "-Dspoolmail.version=" + VERSION, "package");
        return project.resolve("target/holiday-freeze-1.0.0.jar");
    }

    /** Settings that make the build's own local repository the {@code file:} mirror of every repository. */
    static Path mirrorSettings(Path work) throws IOException {
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, "<settings><mirrors><mirror><id>build-repository</id><mirrorOf>*</mirrorOf>"
                + "<url>" + LOCAL_REPOSITORY.toUri() + "</url></mirror></mirrors></settings>", StandardCharsets.UTF_8);
        return settings;
    }

    /** Runs a throw-away pom whose {@code install-file} executions (see {@link #execution}) fill a fresh repository. */
    static void install(Path work, String executions) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("installer"));
        Files.writeString(dir.resolve("pom.xml"), "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">"
                + "<modelVersion>4.0.0</modelVersion><groupId>local</groupId><artifactId>installer</artifactId>"
                + "<version>1</version><packaging>pom</packaging><build><plugins><plugin>"
                + "<groupId>org.apache.maven.plugins</groupId><artifactId>maven-install-plugin</artifactId>"
                + "<version>3.1.4</version><executions>" + executions + "</executions></plugin></plugins></build>"
                + "</project>", StandardCharsets.UTF_8);
        maven(dir, work.resolve("install.log"), "validate");
    }

    /** The executions that install exits-api and its tests jar into the fresh repository. */
    private static String installer(Path work, Path repository) throws IOException {
        Path dir = Files.createDirectories(work.resolve("installer"));
        Path apiPom = dir.resolve("exits-api.pom");
        Files.writeString(apiPom, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0"
                + "</modelVersion><groupId>org.spoolmail</groupId><artifactId>exits-api</artifactId><version>"
                + VERSION + "</version></project>", StandardCharsets.UTF_8);
        return execution("api", jarOf(ExitDecision.class, work), "", apiPom, repository)
                + execution("tests", jarOf(FakeStageContext.class, work), "<classifier>tests</classifier>", apiPom,
                        repository);
    }

    static String execution(String id, Path file, String classifier, Path pom, Path repository) {
        return "<execution><id>" + id + "</id><phase>validate</phase><goals><goal>install-file</goal></goals>"
                + "<configuration><file>" + file + "</file><pomFile>" + pom + "</pomFile>" + classifier
                + "<localRepositoryPath>" + repository + "</localRepositoryPath></configuration></execution>";
    }

    /** The jar a class came from; classes of a reactor module not packaged yet are put into one. */
    static Path jarOf(Class<?> type, Path work) throws IOException {
        Path location;
        try {
            location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isRegularFile(location)) {
            return location;
        }
        Path jar = work.resolve(type.getSimpleName() + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(location)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(location.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    static void maven(Path dir, Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mvn(), "-B", "-q"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(150, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("mvn " + String.join(" ", args) + " did not finish in 150 s:\n" + Files.readString(log));
        }
        assertEquals(0, process.exitValue(), "mvn " + String.join(" ", args) + " in " + dir + ":\n"
                + Files.readString(log));
    }

    private static String mvn() {
        Stream<Path> candidates = Stream.concat(
                Stream.ofNullable(System.getProperty("maven.home")).map(h -> Path.of(h, "bin", "mvn")),
                Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                        .filter(p -> !p.isEmpty()).map(p -> Path.of(p, "mvn")));
        return candidates.filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseThrow(() -> new AssertionError("no mvn: set maven.home or put mvn on the PATH"));
    }

    private static Path copyWithoutTarget(Path source, Path target) throws IOException {
        assertTrue(Files.isRegularFile(source.resolve("pom.xml")), "no example project at " + source);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path rel = source.relativize(f);
                if (rel.getNameCount() > 0 && rel.getName(0).toString().equals("target")) {
                    continue;
                }
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target.resolve(rel.toString()));
                } else {
                    Files.copy(f, target.resolve(rel.toString()));
                }
            }
        }
        return target;
    }
}
