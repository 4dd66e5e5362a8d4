package org.spoolmail.exits.mail;

/**
 * A place in an input, for error messages: {@code payroll.bin record 7} or {@code deck.txt line 12}.
 *
 * @param origin the file path or {@code stdin}
 * @param recordNumber the record (line) number, 1-based; 0 when the error concerns the whole input
 * @since 1.0.0
 */
public record InputLocation(String origin, long recordNumber) {

    /**
     * Checks the components.
     *
     * @param origin the file path or {@code stdin}
     * @param recordNumber the record (line) number, 1-based; 0 when the error concerns the whole input
     * @throws IllegalArgumentException if the record number is negative
     */
    public InputLocation {
        java.util.Objects.requireNonNull(origin, "origin");
        if (recordNumber < 0) {
            throw new IllegalArgumentException("record number must be >= 0");
        }
    }

    /** @return {@code origin record N}, or just the origin for the whole input */
    @Override
    public String toString() {
        return recordNumber == 0 ? origin : origin + " record " + recordNumber;
    }
}
