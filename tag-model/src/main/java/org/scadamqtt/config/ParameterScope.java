package org.scadamqtt.config;

/** Where a parameter is configured. */
public enum ParameterScope {
    LINE,
    STATION
}
