package org.scadamqtt.host;

/**
 * What the operator sees. {@code web}, {@code tty} and {@code log} all serve the web console and
 * HTTP API; {@code tty} adds a live terminal table and {@code log} one line per change on
 * standard output. {@code none} serves nothing (headless; logs only).
 */
public enum ConsoleKind {
    web,
    tty,
    log,
    none;

    /** Whether the web console and HTTP API run. */
    public boolean servesHttp() {
        return this != none;
    }
}
