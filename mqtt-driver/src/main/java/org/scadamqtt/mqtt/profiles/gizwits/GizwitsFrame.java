package org.scadamqtt.mqtt.profiles.gizwits;

/**
 * One decoded Gizwits frame, the body of the profile's {@link org.scadamqtt.mqtt.profile.Decoded}.
 *
 * @param command  the command code (0x0091, 0x0210, ...)
 * @param longForm true: header, VarLen, flag, command; false: the short form servers send (header, command)
 * @param flags    the flag byte; 0 in the short form
 * @param sn       the SN of 0x0093/0x0094 (unsigned 32 bits); -1 for other commands
 * @param data     the bytes after the command (and SN): P0 of business messages
 */
record GizwitsFrame(int command, boolean longForm, int flags, long sn, byte[] data) {

    /** Whether this frame carries an SN. */
    boolean hasSn() {
        return sn >= 0;
    }
}
