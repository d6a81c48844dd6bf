package org.scadamqtt.mqtt.profiles.gizwits;

import java.util.Locale;

/** The command codes of the Gizwits device/cloud protocol v4.0.5, with names for the operator. */
final class GizwitsCommands {

    static final int BUSINESS = 0x0090;
    static final int REPORT = 0x0091;
    static final int BUSINESS_ACK_REQUEST = 0x0093;
    static final int ACK = 0x0094;
    static final int SET_LOG_LED = 0x0010;
    static final int SET_LOG_LED_REPLY = 0x0011;
    static final int DEVICE_LOG = 0x0012;
    static final int OTA_V40 = 0x020E;
    static final int APP_COUNT_REQUEST = 0x020F;
    static final int APP_COUNT = 0x0210;
    static final int OTA_V41 = 0x0211;

    private GizwitsCommands() {
    }

    /** Whether real servers may send this command in the short form (no length, no flag). */
    static boolean isServerFrame(int command) {
        return command == OTA_V40 || command == APP_COUNT_REQUEST || command == APP_COUNT || command == OTA_V41;
    }

    /** Whether the command is one of the protocol's. */
    static boolean known(int command) {
        return isServerFrame(command) || command == BUSINESS || command == REPORT || command == BUSINESS_ACK_REQUEST
                || command == ACK || command == SET_LOG_LED || command == SET_LOG_LED_REPLY || command == DEVICE_LOG;
    }

    /** Whether the frame carries a 4-byte SN after the command. */
    static boolean hasSn(int command) {
        return command == BUSINESS_ACK_REQUEST || command == ACK;
    }

    /** A short name for JA=commandName. */
    static String name(int command) {
        return switch (command) {
            case BUSINESS -> "business message";
            case REPORT -> "business report";
            case BUSINESS_ACK_REQUEST -> "business message with ACK";
            case ACK -> "ACK";
            case SET_LOG_LED -> "set log level and LEDs";
            case SET_LOG_LED_REPLY -> "log level and LEDs set";
            case DEVICE_LOG -> "device log";
            case OTA_V40 -> "OTA notification (v4.0)";
            case APP_COUNT_REQUEST -> "online app count request";
            case APP_COUNT -> "online app count";
            case OTA_V41 -> "OTA notification (v4.1)";
            default -> "unknown command";
        };
    }

    /** 0x0091 as written in the document. */
    static String hex(int command) {
        return String.format(Locale.ROOT, "0x%04X", command);
    }
}
