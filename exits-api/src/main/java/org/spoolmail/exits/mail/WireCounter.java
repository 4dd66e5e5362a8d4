package org.spoolmail.exits.mail;

import java.io.OutputStream;

/** Counts the octets written to it and notes whether one is 0x80 or above; keeps nothing. */
final class WireCounter extends OutputStream {

    private long octets;
    private boolean eightBit;

    @Override
    public void write(int b) {
        octets++;
        eightBit |= (b & 0x80) != 0;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        octets += len;
        for (int i = off; i < off + len && !eightBit; i++) {
            eightBit = (b[i] & 0x80) != 0;
        }
    }

    /** Counts octets that are not written, all below 0x80 (base64). */
    void add(long sevenBitOctets) {
        octets += sevenBitOctets;
    }

    WireSize size() {
        return new WireSize(octets, eightBit);
    }
}
