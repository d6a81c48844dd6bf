package org.scadamqtt.mqtt.internal.bind;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.scadamqtt.tag.QiValue;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * The converter the binder uses until tag-model's {@code org.scadamqtt.tag.convert} is
 * available: numbers and numeric text for Ai/Ci, true/false/1/0 for Di, codes or names for Qi,
 * any scalar (or the JSON text of an object/array) for TxtI, ISO-8601 text or epoch seconds for
 * TiA, seconds for TiR. Anything else is BAD/CONVERSION_ERROR with a sentence.
 */
public final class MinimalValueConverter implements ValueConverter {

    @Override
    public TagValue convert(TagType type, JsonNode node, Instant sourceTime, Instant receiveTime) {
        try {
            Object v = switch (type.kind()) {
                case TEXT -> node.isValueNode() ? node.asText() : node.toString();
                case DOUBLE -> decimal(node).doubleValue();
                case LONG -> decimal(node).longValueExact();
                case BOOLEAN -> bool(node);
                case QI -> qi(node);
                case INSTANT -> instant(node);
                case DURATION -> Duration.ofNanos(decimal(node).movePointRight(9).longValueExact());
            };
            return TagValue.good(type, v, sourceTime, receiveTime);
        } catch (ArithmeticException | IllegalArgumentException | DateTimeParseException e) {
            String shown = node.isValueNode() ? "'" + node.asText() + "'" : node.getNodeType().toString().toLowerCase();
            return new TagValue(type, null, org.scadamqtt.tag.Quality.BAD, Reason.CONVERSION_ERROR,
                    "value " + shown + " cannot be read as " + type + ": " + e.getMessage(), sourceTime, receiveTime);
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number");
            }
        }
        throw new IllegalArgumentException("not a number");
    }

    private static Boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String t = node.isValueNode() ? node.asText().trim().toLowerCase() : "";
        return switch (t) {
            case "true", "1", "on", "yes" -> Boolean.TRUE;
            case "false", "0", "off", "no" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("expected true/false or 1/0");
        };
    }

    private static QiValue qi(JsonNode node) {
        if (node.isIntegralNumber()) {
            return QiValue.ofCode(node.longValue())
                    .orElseThrow(() -> new IllegalArgumentException("a Qi code is 0 to 3"));
        }
        return QiValue.ofName(node.asText())
                .orElseThrow(() -> new IllegalArgumentException("expected Q_Off, Q_On, Q_Trans, Q_Err or 0 to 3"));
    }

    private static Instant instant(JsonNode node) {
        if (node.isNumber()) {
            return Instant.ofEpochSecond(0, decimal(node).movePointRight(9).longValueExact());
        }
        return Instant.parse(node.asText().trim());
    }
}
