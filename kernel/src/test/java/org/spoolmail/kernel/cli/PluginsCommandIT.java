package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code spoolmail plugins} over the built distribution's plugins folder. */
class PluginsCommandIT {

    @Test
    void pluginsShouldListEveryPluginAndExtensionWithVersionsWhenRunOnTheDistribution() {
        SpoolmailRun run = SpoolmailRun.run("plugins", "--plugins", SpoolmailRun.PLUGINS.toString());

        assertEquals(0, run.code, run.toString());
        List<String> lines = run.out.lines().toList();
        List<String> plugins = lines.subList(1, lines.indexOf("MailParser:")).stream()
                .map(l -> String.join(" ", List.of(l.trim().split("\\s+")).subList(0, 3))).toList();
        assertEquals(List.copyOf(new java.util.TreeSet<>(plugins)), plugins, "sorted by plugin id");
        assertTrue(plugins.containsAll(List.of("audit-log 1.0.0 STARTED", "codepage-translate 1.0.0 STARTED",
                "deliver-outbox 1.0.0 STARTED", "deliver-smtp 1.0.0 STARTED", "directory-sender 1.0.0 STARTED",
                "mime-encode 1.0.0 STARTED", "parse-control-statements 1.0.0 STARTED",
                "parse-rfc5322 1.0.0 STARTED", "parse-smtp-datastream 1.0.0 STARTED",
                "verify-sender-default 1.0.0 STARTED")), plugins.toString());
        int parsers = lines.indexOf("MailParser:");
        assertEquals(List.of("MailParser:",
                "  control-statements       from parse-control-statements 1.0.0  config: time-zone",
                "  rfc5322-message          from parse-rfc5322 1.0.0  config: envelope-sender, max-header-octets",
                "  smtp-datastream          from parse-smtp-datastream 1.0.0  config: default-domain,"
                        + " max-command-octets, long-lines, max-recipients, max-syntax-errors, strip-sequence-numbers,"
                        + " at-sign, max-header-octets",
                "MailStage:"), lines.subList(parsers, parsers + 5));
        assertTrue(lines.subList(lines.indexOf("MailExit:"), lines.indexOf("MailObserver:"))
                .contains("  directory-sender         from directory-sender 1.0.0  config: mode, entries*"), run.out);
        assertEquals("  audit-log                from audit-log 1.0.0  config: directory*, fsync",
                lines.get(lines.indexOf("MailObserver:") + 1));
    }

    @Test
    void pluginsShouldExitWith16WhenTheFolderIsMissing() {
        SpoolmailRun run = SpoolmailRun.run("plugins", "--plugins", "/nonexistent/plugins");

        assertEquals(16, run.code, run.toString());
        assertEquals("spoolmail plugins: plugins folder /nonexistent/plugins does not exist or is not a folder",
                run.err.trim());
    }
}
