package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code spoolmail plugins} over the built distribution's plugins folder. */
class PluginsCommandIT {

    @Test
    void pluginsShouldListEveryPluginAndExtensionWithVersionsWhenRunOnTheDistribution() {
        SpoolmailRun run = SpoolmailRun.run("plugins", "--plugins", SpoolmailRun.PLUGINS.toString());

        assertEquals(0, run.code, run.toString());
        List<String> lines = run.out.lines().toList();
        assertEquals(List.of("audit-log 1.0.0 STARTED", "codepage-translate 1.0.0 STARTED",
                "deliver-outbox 1.0.0 STARTED", "deliver-smtp 1.0.0 STARTED", "directory-sender 1.0.0 STARTED",
                "mime-encode 1.0.0 STARTED", "parse-control-statements 1.0.0 STARTED",
                "parse-smtp-datastream 1.0.0 STARTED", "verify-sender-default 1.0.0 STARTED"),
                lines.subList(1, 10).stream().map(l -> String.join(" ", List.of(l.trim().split("\\s+")).subList(0, 3)))
                        .toList());
        assertEquals(List.of("MailParser:",
                "  control-statements       from parse-control-statements 1.0.0  config: time-zone",
                "  smtp-datastream          from parse-smtp-datastream 1.0.0  config: default-domain,"
                        + " max-command-octets, long-lines, max-recipients, max-syntax-errors, strip-sequence-numbers,"
                        + " at-sign",
                "MailStage:"), lines.subList(10, 14));
        assertEquals("  directory-sender         from directory-sender 1.0.0  config: mode, entries*",
                lines.get(lines.indexOf("MailExit:") + 1));
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
