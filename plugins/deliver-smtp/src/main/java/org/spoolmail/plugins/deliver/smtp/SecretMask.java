package org.spoolmail.plugins.deliver.smtp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The secrets one connection has sent (a password or OAuth2 token, and each base64 form of it that went on the
 * wire: the AUTH PLAIN or XOAUTH2 initial response, the AUTH LOGIN username and password lines), and the masking
 * of every occurrence of each of them as {@code ***}. A relay that echoes a credential in a reply (535 "you sent
 * ...") has it masked before the reply reaches the wire trace, an exception, an attribute or a disposition.
 * Longer secrets are masked first, so a base64 form is masked whole. Not thread-safe: it belongs to one connection.
 */
final class SecretMask {

    private static final String MASK = "***";

    private final List<String> secrets = new ArrayList<>();

    /** @param secret a text that must never be shown; empty is ignored */
    void add(String secret) {
        if (!secret.isEmpty() && !secrets.contains(secret)) {
            secrets.add(secret);
            secrets.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    /** @param text any text the relay sent or the client sends @return the text with every secret as *** */
    String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    /** @param reply a reply as read @return the same reply with every secret in its lines as *** */
    ServerReply mask(ServerReply reply) {
        if (secrets.isEmpty()) {
            return reply;
        }
        return new ServerReply(reply.code(), reply.lines().stream().map(this::mask).toList());
    }
}
