package org.scadamqtt.host.web;

/**
 * One server-sent event waiting in a client's queue: the event name ({@code tag},
 * {@code station}, {@code line}) and the entry it carries, serialised only when it is sent so
 * that driver threads do no JSON work.
 *
 * @param name  SSE event name
 * @param entry the TagEntry, StationEntry or LineEntry
 */
record ConsoleEvent(String name, Object entry) {
}
