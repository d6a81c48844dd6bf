package org.scadamqtt.host.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks the {@code Authorization: Bearer <token>} header of requests that change the plant
 * (writes, station control). With no token configured every request passes.
 */
final class WriteTokenGuard {

    private static final String BEARER = "Bearer ";
    private final byte[] token;

    WriteTokenGuard(String token) {
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    boolean enabled() {
        return token != null;
    }

    /** True when writes are open or the header carries the configured token. */
    boolean allows(String authorizationHeader) {
        if (token == null) {
            return true;
        }
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = authorizationHeader.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        // constant-time comparison: the time taken does not reveal how much of the token matched
        return MessageDigest.isEqual(token, given);
    }
}
