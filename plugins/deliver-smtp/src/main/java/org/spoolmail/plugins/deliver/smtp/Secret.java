package org.spoolmail.plugins.deliver.smtp;

/**
 * A credential read from the environment. Its {@link #toString()} never shows the value, so it cannot reach a log
 * line, an exception message or an audit record by accident.
 */
final class Secret {

    private final String value;

    Secret(String value) {
        this.value = java.util.Objects.requireNonNull(value, "value");
    }

    /** @return the value; use it only to build the AUTH exchange */
    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "***";
    }
}
