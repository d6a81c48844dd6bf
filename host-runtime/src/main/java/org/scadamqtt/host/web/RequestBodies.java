package org.scadamqtt.host.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads the JSON object of a POST. On a bad body it answers 400 (or 415 for a body that is not
 * declared as JSON, 413 for one larger than {@link #MAX_BODY_BYTES}) with a sentence and returns
 * empty.
 */
final class RequestBodies {

    /**
     * The largest body a POST may have. A write or station command is a few dozen bytes; the bound
     * is there so that no request, however it is sent, can make the host hold more than this.
     */
    static final int MAX_BODY_BYTES = 1_000_000;
    private static final int CHUNK = 8192;

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
        byte[] body;
        try {
            body = boundedBody(ctx);
        } catch (IOException e) {
            ctx.status(400).json(ApiJson.failed("BAD_REQUEST", "The body of " + what
                    + " could not be read (" + e.getMessage() + ")."));
            return Optional.empty();
        }
        if (body == null) {
            // the rest is not read: Jetty closes the connection instead of keeping it for another request
            ctx.header("Connection", "close");
            ctx.status(413).json(ApiJson.failed("TOO_LARGE", "The body of " + what + " is larger than "
                    + MAX_BODY_BYTES + " bytes; send for example " + example + "."));
            sendNow(ctx);
            return Optional.empty();
        }
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
        } catch (IOException e) {
            // reading a byte array fails only on bad JSON, which the branch above answers
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The body, or null when it is larger than {@link #MAX_BODY_BYTES}. Reads the stream itself
     * rather than trusting Content-Length: a chunked body declares no length (Javalin's own size
     * check looks only at Content-Length and would read a chunked body of any size into memory).
     */
    private static byte[] boundedBody(Context ctx) throws IOException {
        if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
            return null;
        }
        InputStream in = ctx.req().getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.read(chunk)) != -1) {
            if (out.size() + n > MAX_BODY_BYTES) {
                return null;
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * Sends the answer before the handler returns. Left to Javalin, the answer is written after
     * the handler, and Jetty may first drain the unread rest of the request (it did, in one run
     * of four, for a 128 MB chunked body): the client would wait for its whole upload to be read.
     */
    private static void sendNow(Context ctx) {
        try (InputStream answer = ctx.resultInputStream()) {
            if (answer != null) {
                answer.transferTo(ctx.res().getOutputStream());
            }
            ctx.res().flushBuffer();
        } catch (IOException e) {
            // the client went away; nothing left to answer
        }
        ctx.result(new byte[0]);
    }
}
