package org.spoolmail.kernel.pipeline;

/**
 * An input that cannot be parsed as a whole: the message names the file and record, the condition code says whose
 * fault it is (12 bad input, 16 environment).
 */
public final class InputRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int conditionCode;

    /**
     * @param message what is wrong, naming file and record
     * @param conditionCode 12 or 16
     */
    public InputRefusedException(String message, int conditionCode) {
        super(message);
        this.conditionCode = conditionCode;
    }

    /** @return the condition code */
    public int conditionCode() {
        return conditionCode;
    }
}
