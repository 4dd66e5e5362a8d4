package org.spoolmail.kernel.queue;

import java.io.IOException;

import jakarta.jms.JMSException;

/** Turns a provider's JMSException into the queue's IOException, keeping the provider's error code and cause. */
final class JmsFailure {

    private JmsFailure() {
    }

    static IOException io(String what, JMSException e) {
        String code = e.getErrorCode() == null ? "" : " [" + e.getErrorCode() + "]";
        return new IOException(what + ": " + e.getMessage() + code, e);
    }
}
