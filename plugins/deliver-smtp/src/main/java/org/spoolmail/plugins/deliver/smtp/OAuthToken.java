package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the XOAUTH2 bearer token comes from: a file (read again for every new session, so a token refresher can
 * replace it while spoolmail runs) or an environment variable (read once). The token never reaches a log line or an
 * exception message: {@link #toString()} names only its source.
 */
final class OAuthToken {

    private final Optional<Path> file;
    private final Optional<Secret> fixed;
    private final String source;

    private OAuthToken(Optional<Path> file, Optional<Secret> fixed, String source) {
        this.file = file;
        this.fixed = fixed;
        this.source = source;
    }

    /** @param file the token file @return a source reading it for each session */
    static OAuthToken fromFile(Path file) {
        return new OAuthToken(Optional.of(file), Optional.empty(), "oauth2-token-file " + file);
    }

    /** @param token the token @param variable its variable, for messages @return a fixed source */
    static OAuthToken fixed(Secret token, String variable) {
        return new OAuthToken(Optional.empty(), Optional.of(token), "oauth2-token-env " + variable);
    }

    /**
     * @return the current token, stripped of surrounding white space
     * @throws IOException if the file cannot be read or is empty
     */
    Secret current() throws IOException {
        if (fixed.isPresent()) {
            return fixed.get();
        }
        String token = new String(Regular.read(file.orElseThrow()), StandardCharsets.UTF_8).strip();
        if (token.isEmpty() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
            throw new IOException(source + " holds no token (empty, or not one line of printable ASCII)");
        }
        return new Secret(token);
    }

    @Override
    public String toString() {
        return source;
    }
}
