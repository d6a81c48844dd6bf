package org.scadamqtt.mqtt.internal.client;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.client.mqttv3.MqttException;

/** Turns Paho's exceptions into sentences a SCADA engineer understands. */
final class Reasons {

    private Reasons() {
    }

    /** Why a connect attempt or a connection failed, in plain words (with Paho's code for support). */
    static String describe(Throwable t) {
        if (t instanceof MqttException e) {
            String cause = e.getCause() == null ? "" : cause(e.getCause());
            return switch (e.getReasonCode()) {
                case MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION ->
                        "the broker refused MQTT 3.1.1 (CONNACK 1)";
                case MqttException.REASON_CODE_INVALID_CLIENT_ID ->
                        "the broker refused the client id (CONNACK 2); set the clientId parameter";
                case MqttException.REASON_CODE_BROKER_UNAVAILABLE -> "the broker is unavailable (CONNACK 3)";
                case MqttException.REASON_CODE_FAILED_AUTHENTICATION ->
                        "the broker refused the user name or password (CONNACK 4)";
                case MqttException.REASON_CODE_NOT_AUTHORIZED -> "the broker refused access (CONNACK 5: not authorized)";
                case MqttException.REASON_CODE_CLIENT_TIMEOUT -> "no answer from the broker in time";
                case MqttException.REASON_CODE_SERVER_CONNECT_ERROR ->
                        cause.isEmpty() ? "cannot reach the broker" : "cannot reach the broker: " + cause;
                case MqttException.REASON_CODE_CONNECTION_LOST ->
                        cause.isEmpty() ? "connection lost" : "connection lost: " + cause;
                case MqttException.REASON_CODE_SSL_CONFIG_ERROR -> "TLS configuration error: " + cause;
                case MqttException.REASON_CODE_CLIENT_EXCEPTION -> cause.isEmpty() ? String.valueOf(e.getMessage()) : cause;
                default -> (e.getMessage() == null ? "MQTT error" : e.getMessage())
                        + (cause.isEmpty() ? "" : ": " + cause) + " (Paho code " + e.getReasonCode() + ")";
            };
        }
        return cause(t);
    }

    /** Whether the broker closed the socket itself (no local error): e.g. another client took our client id. */
    static boolean closedByBroker(Throwable t) {
        return t instanceof MqttException e && e.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST
                && e.getCause() instanceof EOFException;
    }

    private static String cause(Throwable c) {
        Throwable root = c;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof SSLHandshakeException) {
                break;
            }
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof ConnectException) {
            return "connection refused (" + msg + "): no broker listens there or a firewall blocks it";
        }
        if (root instanceof UnknownHostException) {
            return "unknown host name " + msg;
        }
        if (root instanceof NoRouteToHostException) {
            return "no route to host (" + msg + ")";
        }
        if (root instanceof SocketTimeoutException) {
            return "timed out (" + msg + ")";
        }
        if (root instanceof EOFException) {
            return "the broker closed the connection";
        }
        if (root instanceof SSLException || c instanceof SSLException) {
            if (msg.contains("PKIX") || msg.contains("certification path")) {
                return "TLS handshake failed: the broker's certificate is not signed by a trusted CA (check the "
                        + "trustStore parameter): " + msg;
            }
            if (msg.contains("subject alternative") || msg.contains("No name matching")) {
                return "TLS handshake failed: the broker's certificate does not name the host connected to "
                        + "(hostname verification): " + msg;
            }
            return "TLS handshake failed: " + msg;
        }
        return msg;
    }
}
