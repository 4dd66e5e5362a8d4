package org.spoolmail.plugins.deliver.smtp;

import org.spoolmail.exits.StageException;
import org.spoolmail.exits.TransientStageException;

/**
 * One smart host: a host name or address and a port. Written in pipeline.yaml as {@code host}, {@code host:port}
 * or {@code [ipv6]:port}.
 *
 * @param host the host name or address, printable ASCII without blanks
 * @param port the TCP port, 1..65535
 */
record Relay(String host, int port) {

    /**
     * Parses one entry of {@code hosts} or {@code fallback-hosts}.
     *
     * @param text the entry
     * @param defaultPort the port when the entry names none
     * @param key the configuration key, for messages
     * @return the relay
     * @throws StageException transient (configuration) if the entry is not a host with an optional port
     */
    static Relay parse(String text, int defaultPort, String key) throws StageException {
        String host = text;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            host = close > 0 ? text.substring(1, close) : "";
            port = close > 0 && text.startsWith(":", close + 1) ? text.substring(close + 2) : null;
            if (close < 0 || (close + 1 < text.length() && port == null)) {
                throw invalid(text, key);
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        if (host.isEmpty() || !host.chars().allMatch(ch -> ch > 0x20 && ch < 0x7F)) {
            throw invalid(text, key);
        }
        return new Relay(host, port == null ? defaultPort : port(port, text, key));
    }

    /** @return {@code host:port}, for messages and the {@code relay-host} attribute */
    String peer() {
        return host + ":" + port;
    }

    private static int port(String digits, String text, String key) throws StageException {
        if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
            throw invalid(text, key);
        }
        return Integer.parseInt(digits);
    }

    private static StageException invalid(String text, String key) {
        return new TransientStageException(key + " entry '" + text + "' is not host, host:port or [address]:port",
                null);
    }
}
