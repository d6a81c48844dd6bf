package org.scadamqtt.mqtt;

import static org.scadamqtt.config.ParameterScope.LINE;
import static org.scadamqtt.config.ParameterScope.STATION;
import static org.scadamqtt.config.ParameterType.BOOLEAN;
import static org.scadamqtt.config.ParameterType.CHOICE;
import static org.scadamqtt.config.ParameterType.INTEGER;
import static org.scadamqtt.config.ParameterType.QOS;
import static org.scadamqtt.config.ParameterType.SECONDS;
import static org.scadamqtt.config.ParameterType.SECRET;
import static org.scadamqtt.config.ParameterType.TEXT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.scadamqtt.mqtt.internal.profile.ProfileRegistry;
import org.scadamqtt.mqtt.profile.PayloadProfile;
import org.scadamqtt.config.ParameterDescriptor;

/**
 * The parameter table of the MQTT driver: the single source of names, D2000 names, defaults,
 * ranges and descriptions. The loader checks files against it and docs/configuration.md is
 * generated from it.
 */
public final class MqttParameters {

    public static final String FULL_DEBUG = "fullDebug";
    public static final String USER_NAME = "userName";
    public static final String PASSWORD = "password";
    public static final String TOPIC_FILTER = "topicFilter";
    public static final String SUBSCRIBE_QOS = "subscribeQos";
    public static final String CLIENT_ID = "clientId";
    public static final String CLEAN_SESSION = "cleanSession";
    public static final String PUBLISH_QOS = "publishQos";
    public static final String PUBLISH_RETAIN = "publishRetain";
    public static final String KEEP_ALIVE = "keepAlive";
    public static final String PING_INTERVAL = "pingInterval";
    public static final String PAYLOAD_TYPE = "payloadType";
    public static final String TIME_FIELD_NAME = "timeFieldName";
    public static final String TIME_MASK = "timeMask";
    public static final String IGNORE_MISSING_TIME = "ignoreMissingTime";
    public static final String WILL_FLAG = "willFlag";
    public static final String WILL_QOS = "willQos";
    public static final String WILL_RETAIN = "willRetain";
    public static final String WILL_TOPIC = "willTopic";
    public static final String WILL_MESSAGE = "willMessage";
    public static final String REPLY_TIMEOUT = "replyTimeout";
    public static final String WAIT_TIMEOUT = "waitTimeout";
    public static final String MAX_WAIT_RETRY = "maxWaitRetry";
    // beyond D2000
    public static final String FAIL_BACK = "failBack";
    public static final String RECONNECT_MIN_DELAY = "reconnectMinDelay";
    public static final String RECONNECT_MAX_DELAY = "reconnectMaxDelay";
    public static final String TRUST_STORE = "trustStore";
    public static final String TRUST_STORE_PASSWORD = "trustStorePassword";
    public static final String KEY_STORE = "keyStore";
    public static final String KEY_STORE_PASSWORD = "keyStorePassword";
    public static final String TLS_VERSIONS = "tlsVersions";
    public static final String HOSTNAME_VERIFICATION = "hostnameVerification";
    public static final String MAX_INFLIGHT = "maxInflight";
    public static final String WRITE_TIMEOUT = "writeTimeout";
    public static final String ACK_ORDER = "ackOrder";

    public static final String SWT = "SWT";
    public static final String SWP = "SWP";
    public static final String TIME_ZONE = "timeZone";
    public static final String TIME_FILTER = "timeFilter";
    public static final String ACK_QUEUE_LIMIT = "ackQueueLimit";
    public static final String STALE_AFTER = "staleAfter";

    /** Payload type choices. */
    public static final String PAYLOAD_TEXT = "TEXT";
    public static final String PAYLOAD_JSON = "JSON";

    /** ackOrder choices. */
    public static final String ACK_ORDER_STATION = "STATION";
    public static final String ACK_ORDER_LINE = "LINE";

    private MqttParameters() {
    }

    private static ParameterDescriptor.Builder line(String name, org.scadamqtt.config.ParameterType type) {
        return ParameterDescriptor.builder(name, type, LINE);
    }

    private static ParameterDescriptor.Builder station(String name, org.scadamqtt.config.ParameterType type) {
        return ParameterDescriptor.builder(name, type, STATION);
    }

    /** Line parameters, D2000's first in the seed's order, then ours, then those of the payload profiles. */
    public static final List<ParameterDescriptor> LINE_PARAMETERS = withProfiles(List.of(
            line(FULL_DEBUG, BOOLEAN).d2000("Full Debug").defaultText("NO")
                    .description("Logs every packet-level event and every message in and out of this line "
                            + "(passwords masked).").build(),
            line(USER_NAME, TEXT).d2000("User Name").defaultText("")
                    .description("User name sent in CONNECT. ${env:NAME} and ${file:PATH} read it from the "
                            + "environment or a file.").build(),
            line(PASSWORD, SECRET).d2000("Password").defaultText("")
                    .description("Password sent in CONNECT; never logged. ${env:NAME} and ${file:PATH} read it "
                            + "from the environment or a file.").build(),
            line(TOPIC_FILTER, TEXT).d2000("Topic Filter").defaultText("#").repeatable()
                    .description("Topic filter subscribed to; repeat the parameter for several. "
                            + "$share/GROUP/FILTER makes a shared subscription. A change re-subscribes "
                            + "without reconnecting.").build(),
            line(SUBSCRIBE_QOS, QOS).d2000("Subscribe QoS").defaultText("QoS_1")
                    .description("Highest QoS asked for in SUBSCRIBE.").build(),
            // no default: absent (derived id) and given blank (broker assigns one) differ
            line(CLIENT_ID, TEXT).d2000("Client ID")
                    .description("Client identifier sent in CONNECT. Absent: scada-<host id>-<line name>, unique per "
                            + "host and line and stable across restarts (D2000's fixed default made two systems "
                            + "kick each other off one broker). Given blank: sent blank, the broker assigns an id "
                            + "(MQTT 3.1.1 requires cleanSession YES then).").build(),
            line(CLEAN_SESSION, BOOLEAN).d2000("Clean Session Flag").defaultText("NO")
                    .description("NO: the broker keeps the session and unacknowledged QoS 1/2 messages across "
                            + "reconnects; in-flight state is kept on disk.").build(),
            line(PUBLISH_QOS, QOS).d2000("Publish QoS").defaultText("QoS_0")
                    .description("QoS of messages published by writes to OUT_VALUE; a write completes when "
                            + "written (0), on PUBACK (1) or on PUBCOMP (2).").build(),
            line(PUBLISH_RETAIN, BOOLEAN).d2000("Publish Retain").defaultText("NO")
                    .description("Retain flag of published messages.").build(),
            line(KEEP_ALIVE, INTEGER).d2000("Keep Alive").defaultText("0").range("0", "65535")
                    .description("Keep-alive seconds announced in CONNECT; 0 = none.").build(),
            line(PING_INTERVAL, SECONDS).d2000("Ping Interval").defaultText("60").range("0", "3600")
                    .description("When nothing arrived from the broker for this long, send PINGREQ; no PINGRESP "
                            + "within Reply Timeout closes and reconnects. 0 = off.").build(),
            payloadType(ProfileRegistry.standard()),
            line(TIME_FIELD_NAME, TEXT).d2000("Time Field Name").defaultText("")
                    .description("JSON path (JA= syntax, without JA=) of the timestamp field; empty: receive time.")
                    .build(),
            line(TIME_MASK, TEXT).d2000("Time Mask").defaultText("yyyy-mm-dd hh:mi:ss.mss")
                    .description("How the time field is written: tokens yyyy rrrr yy rr mm dd hh mi ss mss ZZZ "
                            + "ZZZZZ ZZZZZZ, other characters literal; or UNIX, UNIXMS, ISO8601.").build(),
            line(IGNORE_MISSING_TIME, BOOLEAN).d2000("Ignore Missing Time").defaultText("NO")
                    .description("YES: no warning when the time field is missing.").build(),
            line(WILL_FLAG, BOOLEAN).d2000("Will Flag").defaultText("NO")
                    .description("Send a will in CONNECT; the broker publishes it when the line is lost.").build(),
            line(WILL_QOS, QOS).d2000("Will QoS").defaultText("QoS_0").description("QoS of the will.").build(),
            line(WILL_RETAIN, BOOLEAN).d2000("Will Retain").defaultText("NO")
                    .description("Retain flag of the will.").build(),
            line(WILL_TOPIC, TEXT).d2000("Will Topic").defaultText("").description("Topic of the will.").build(),
            line(WILL_MESSAGE, TEXT).d2000("Will Message").defaultText("")
                    .description("Payload of the will.").build(),
            line(REPLY_TIMEOUT, SECONDS).d2000("Reply Timeout").defaultText("20").range("0", "3600")
                    .description("Longest wait for CONNACK, SUBACK, UNSUBACK and PINGRESP; then the line closes "
                            + "and reconnects. 0 = no timeout. Also the longest wait for a device's answer to a "
                            + "correlated payload-profile write (then TIMEOUT; writeTimeout when 0).").build(),
            line(WAIT_TIMEOUT, SECONDS).d2000("Wait Timeout").defaultText("0.100").range("0", "60")
                    .description("Accepted for D2000 compatibility; has no effect: reads and writes run on "
                            + "separate threads, so writes are never starved by reads.").build(),
            line(MAX_WAIT_RETRY, INTEGER).d2000("Max. Wait Retry").defaultText("3").range("0", "1000")
                    .description("Accepted for D2000 compatibility; has no effect (see Wait Timeout).").build(),
            line(FAIL_BACK, BOOLEAN).defaultText("YES")
                    .description("When connected to a backup host, return to the primary (first) host once it "
                            + "answers again.").build(),
            line(RECONNECT_MIN_DELAY, SECONDS).defaultText("1").range("0.01", "3600")
                    .description("First delay before reconnecting; doubles up to reconnectMaxDelay, with jitter.")
                    .build(),
            line(RECONNECT_MAX_DELAY, SECONDS).defaultText("30").range("0.01", "3600")
                    .description("Longest delay between reconnect attempts.").build(),
            line(TRUST_STORE, TEXT).defaultText("")
                    .description("Trust store (PKCS12 or JKS) with the broker's CA for ssl:// and wss://; empty: "
                            + "the JVM's default trust.").build(),
            line(TRUST_STORE_PASSWORD, SECRET).defaultText("").description("Password of the trust store.").build(),
            line(KEY_STORE, TEXT).defaultText("")
                    .description("Key store (PKCS12 or JKS) with this client's certificate and key, for mutual TLS.")
                    .build(),
            line(KEY_STORE_PASSWORD, SECRET).defaultText("").description("Password of the key store.").build(),
            line(TLS_VERSIONS, TEXT).defaultText("TLSv1.3,TLSv1.2")
                    .description("TLS protocol versions allowed, comma separated.").build(),
            line(HOSTNAME_VERIFICATION, BOOLEAN).defaultText("YES")
                    .description("Check that the broker certificate names the host connected to. Turning it off "
                            + "is logged as a warning at every connect.").build(),
            line(MAX_INFLIGHT, INTEGER).defaultText("1000").range("1", "65535")
                    .description("Most unconfirmed outgoing messages at once; writes beyond it wait.").build(),
            line(WRITE_TIMEOUT, SECONDS).defaultText("20").range("0.1", "3600")
                    .description("Longest time a publish waits for the broker's confirmation (PUBACK, PUBCOMP), "
                            + "a free in-flight slot included, before its write fails with TIMEOUT.")
                    .build(),
            line(ACK_ORDER, CHOICE).defaultText(ACK_ORDER_STATION).choice(ACK_ORDER_STATION).choice(ACK_ORDER_LINE)
                    .description("Order of QoS 1/2 acknowledgements. STATION: each station's in arrival order, "
                            + "so a station waiting for its ACK_ID never stalls the others. LINE: the whole "
                            + "line's in arrival order (MQTT 3.1.1 section 4.6 to the letter); a held message "
                            + "then holds back every later acknowledgement.").build()), ProfileRegistry.standard().lineParameters());

    /** Station parameters, then those of the payload profiles. */
    public static final List<ParameterDescriptor> STATION_PARAMETERS = withProfiles(List.of(
            stationPayloadType(ProfileRegistry.standard()),
            station(SWT, TEXT).d2000("Station Will Topic").defaultText("")
                    .description("A message on this topic puts the station into StHARDERR and invalidates its "
                            + "tags until the next ordinary message.").build(),
            station(SWP, TEXT).d2000("Station Will Payload").defaultText("")
                    .description("When set, the SWT message must also have this payload.").build(),
            station(TIME_ZONE, TEXT).defaultText("LOCAL")
                    .description("How times without an offset are read: LOCAL (the host's zone), UTC, an offset "
                            + "such as +02:00, or a zone id such as Europe/Bratislava.").build(),
            station(TIME_FILTER, SECONDS).defaultText("10").range("0", "86400")
                    .description("How long the line may be down before the station goes from StCOMERR to "
                            + "StHARDERR and its tags become BAD.").build(),
            station(ACK_QUEUE_LIMIT, INTEGER).defaultText("1000").range("1", "1000000")
                    .description("With an ACK_ID tag: most messages held while waiting for the host's "
                            + "acknowledgement.").build(),
            station(STALE_AFTER, SECONDS).defaultText("0").range("0", "86400")
                    .description("When an input tag got no new value for this long while the station is StON, its "
                            + "value becomes UNCERTAIN with reason STALE (kept for display) until the next message "
                            + "sets it. 0 = off (D2000 has no such limit).").build()), ProfileRegistry.standard().stationParameters());

    /**
     * The Payload Type parameter: one choice per profile (TEXT, JSON and every profile found next
     * to the driver), each with its aliases.
     */
    static ParameterDescriptor payloadType(ProfileRegistry profiles) {
        ParameterDescriptor.Builder b = line(PAYLOAD_TYPE, CHOICE).d2000("Payload Type").defaultText(PAYLOAD_TEXT);
        StringBuilder text = new StringBuilder("How payloads are read. ");
        for (PayloadProfile p : profiles.all()) {
            b.choice(p.code(), p.aliases().toArray(String[]::new));
            text.append(p.code()).append(": ").append(p.description()).append(". ");
        }
        return b.description(text.toString().strip()).build();
    }

    /**
     * The station's own Payload Type: the same choices as the line's, no default (absent: the
     * line's), so one line can mix JSON devices and Sparkplug edge nodes.
     */
    static ParameterDescriptor stationPayloadType(ProfileRegistry profiles) {
        ParameterDescriptor.Builder b = station(PAYLOAD_TYPE, CHOICE);
        for (PayloadProfile p : profiles.all()) {
            b.choice(p.code(), p.aliases().toArray(String[]::new));
        }
        return b.description("How this station's payloads are read and its writes encoded, when not as the line's "
                + "payloadType says; same values as the line's. The line opens one profile session per payload type "
                + "in use. The line's will and TLS default stay those of the line's payloadType.").build();
    }

    private static List<ParameterDescriptor> withProfiles(List<ParameterDescriptor> core,
            List<ParameterDescriptor> profiles) {
        Set<String> names = new HashSet<>();
        core.forEach(d -> names.add(d.name()));
        for (ParameterDescriptor d : profiles) {
            if (!names.add(d.name())) {
                throw new IllegalStateException("payload profile " + ProfileRegistry.standard().ownerOf(d.name())
                        .map(p -> p.code()).orElse("?") + " declares parameter '" + d.name()
                        + "', which another parameter of the driver already has");
            }
        }
        List<ParameterDescriptor> all = new ArrayList<>(core);
        all.addAll(profiles);
        return List.copyOf(all);
    }
}
