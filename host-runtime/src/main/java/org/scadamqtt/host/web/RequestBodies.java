package org.scadamqtt.host.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Reads the JSON object of a POST. On a bad body it answers 400 (or 415 for a body that is not
 * declared as JSON) with a sentence and returns empty.
 */
final class RequestBodies {

    private final ObjectMapper mapper;

    RequestBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param what    what the request does, for the message ("a write")
     * @param example a valid body, for the message
     */
    Optional<JsonNode> object(Context ctx, String what, String example) {
        String contentType = ctx.contentType();
        // requiring application/json makes a browser on another site send a CORS preflight, which
        // this server does not answer: a web page elsewhere cannot post writes to the plant
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            ctx.status(415).json(ApiJson.failed("BAD_REQUEST", "The body of " + what
                    + " must be JSON, sent with the header Content-Type: application/json, for example "
                    + example + "."));
            return Optional.empty();
        }
        String body = ctx.body();
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                ctx.status(400).json(ApiJson.failed("BAD_REQUEST", "The body of " + what
                        + " must be a JSON object, for example " + example + "."));
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            ctx.status(400).json(ApiJson.failed("BAD_REQUEST", "The body of " + what + " is not valid JSON ("
                    + e.getOriginalMessage() + where + "); send for example " + example + "."));
            return Optional.empty();
        }
    }
}
