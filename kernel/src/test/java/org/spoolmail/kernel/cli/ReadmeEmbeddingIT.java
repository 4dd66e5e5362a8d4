package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.kernel.api.Spoolmail;

/**
 * The README's section on embedding, copied into a new Maven project as a reader would: its pom.xml as it is,
 * its pipeline.yaml and its Java class. The project resolves {@code org.spoolmail:kernel} (with its real
 * pom, so the published coordinates and dependencies are what is tested) from a throw-away local repository into
 * which only the parent pom, exits-api and the kernel this build produced are installed; everything else comes from
 * the build's own repository as a {@code file:} mirror, offline. The program it compiles then sends a message with an
 * attachment through the distribution's plugins.
 */
class ReadmeEmbeddingIT {

    private static final Pattern FENCE = Pattern.compile("```(xml|yaml|java)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void readmeSnippetsShouldBuildAndSendWhenCopiedIntoANewMavenProject() throws Exception {
        List<String> xml = new ArrayList<>();
        List<String> yaml = new ArrayList<>();
        List<String> code = new ArrayList<>();
        String readme = Files.readString(ExampleBuild.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Embedding the kernel"));
        Matcher m = FENCE.matcher(section.substring(0, section.indexOf("\n## ", 3)));
        while (m.find()) {
            (m.group(1).equals("xml") ? xml : m.group(1).equals("yaml") ? yaml : code).add(m.group(2));
        }
        Path repository = installKernel();
        Path project = project(xml.get(0), code.get(0));
        Path settings = ExampleBuild.mirrorSettings(work);
        ExampleBuild.maven(project, work.resolve("build.log"), "-o", "-Daether.offline.protocols=file", "-s",
                settings.toString(), "-Dmaven.repo.local=" + repository, "compile",
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath", "-Dmdep.outputFile=cp.txt");
        Path pipeline = Files.writeString(project.resolve("pipeline.yaml"), yaml.get(0), StandardCharsets.UTF_8);
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
        Path report = Files.write(project.resolve("report.pdf"), pdf);

        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                project.resolve("target/classes") + java.io.File.pathSeparator
                        + Files.readString(project.resolve("cp.txt")).strip(),
                "com.example.reports.ReportJob", pipeline.toString(), SpoolmailRun.pluginsCopy(work).toString(),
                report.toString()).directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));

        assertEquals(0, run.exitValue(), output);
        assertTrue(output.strip().matches("\\d{8}T\\d{6}-[0-9a-f]{6}-0001 DELIVERED \\(condition code 0\\)"), output);
        List<Path> eml = SpoolmailRun.files(project.resolve("outbox"), ".eml");
        assertEquals(1, eml.size());
        String message = Files.readString(eml.get(0), StandardCharsets.UTF_8);
        assertTrue(message.startsWith("From: \"Report Service\" <reports@example.com>\r\n"), message);
        assertTrue(message.contains("\r\nContent-Disposition: attachment; filename=report.pdf\r\n"), message);
        assertTrue(message.contains(Base64.getEncoder().encodeToString(pdf)), message);
        assertEquals(1, Files.readAllLines(SpoolmailRun.files(project.resolve("audit"), ".jsonl").get(0)).size());
    }

    /** The parent pom, exits-api and the kernel, each with its real pom, installed into a fresh repository. */
    private Path installKernel() throws Exception {
        Path repository = Files.createDirectories(work.resolve("repository"));
        Path root = ExampleBuild.ROOT;
        String executions = ExampleBuild.execution("parent", root.resolve("pom.xml"), "", root.resolve("pom.xml"),
                repository)
                + ExampleBuild.execution("api", ExampleBuild.jarOf(ExitDecision.class, work), "",
                        root.resolve("exits-api/pom.xml"), repository)
                + ExampleBuild.execution("kernel", ExampleBuild.jarOf(Spoolmail.class, work), "",
                        root.resolve("kernel/pom.xml"), repository);
        ExampleBuild.install(work, executions);
        return repository;
    }

    /** A new project: the README's pom.xml as it stands, its class where its package puts it. */
    private Path project(String pom, String source) throws Exception {
        Path project = Files.createDirectories(work.resolve("reports"));
        Files.writeString(project.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
        Path file = project.resolve("src/main/java/com/example/reports/ReportJob.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        return project;
    }
}
