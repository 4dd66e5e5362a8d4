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
                "  control-statements from parse-control-statements 1.0.0",
                "      time-zone (a time zone such as UTC or Europe/Berlin)",
                "      max-recipients (a number 1..100000; default 2000)",
                "      strip-sequence-numbers (true or false; default false)",
                "  rfc5322-message    from parse-rfc5322 1.0.0"), lines.subList(parsers, parsers + 6));
        int smtp = lines.indexOf("  deliver-smtp       from deliver-smtp 1.0.0");
        assertTrue(smtp > lines.indexOf("MailStage:"), run.out);
        assertEquals(List.of("      host (text)", "      port (a number 1..65535; default 25)"),
                lines.subList(smtp + 1, smtp + 3));
        assertTrue(lines.subList(smtp, lines.indexOf("MailExit:")).containsAll(List.of(
                "      tls (one of starttls, implicit; default starttls)",
                "      starttls (one of required, opportunistic, off; default opportunistic)",
                "      connect-timeout (a duration such as 30s; default 30s)",
                "      wire-trace (true or false; default false)")), run.out);
        int exits = lines.indexOf("MailExit:");
        int directory = lines.indexOf("  directory-sender   from directory-sender 1.0.0");
        assertTrue(directory > exits, run.out);
        assertEquals(List.of("      mode (one of verify, replace; default verify)",
                "      entries (a list of mappings with user, optional job and send-as; required)"),
                lines.subList(directory + 1, directory + 3));
        int observers = lines.indexOf("MailObserver:");
        assertEquals(List.of("MailObserver:", "  audit-log          from audit-log 1.0.0",
                "      directory (text; required)", "      fsync (true or false; default true)"),
                lines.subList(observers, observers + 4));
        assertEquals("Exit-point entries (- exit: NAME) take: routines (MailExit names above, run in order),"
                + " time-limit (a duration such as 5s; default 10s), on-error (fail or defer; default fail)",
                lines.get(lines.size() - 1));
    }

    @Test
    void pluginsShouldAlignTheColumnsWhenAPluginIdIsLongerThan24Characters() {
        SpoolmailRun run = SpoolmailRun.run("plugins", "--plugins", SpoolmailRun.PLUGINS.toString());

        List<String> lines = run.out.lines().toList();
        List<String> rows = lines.subList(1, lines.indexOf("MailParser:"));
        assertTrue(rows.contains("  verify-recipients-default 1.0.0 STARTED The verify-recipients stage: runs the"
                + " recipient-policy exit routines in order, JES style; REPLACE drops forward-paths."), run.out);
        assertTrue(rows.contains("  audit-log                 1.0.0 STARTED The log stage: one JSON Lines audit"
                + " record per mail object and outcome, one file per day."), run.out);
    }

    @Test
    void pluginsShouldExitWith16WhenTheFolderIsMissing() {
        SpoolmailRun run = SpoolmailRun.run("plugins", "--plugins", "/nonexistent/plugins");

        assertEquals(16, run.code, run.toString());
        assertEquals("spoolmail plugins: plugins folder /nonexistent/plugins does not exist or is not a folder",
                run.err.trim());
    }
}
