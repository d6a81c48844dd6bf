package org.scadamqtt.tag;

import java.time.Duration;
import java.time.Instant;

/** The Java type that carries a tag's value. */
public enum ValueKind {
    DOUBLE(Double.class),
    LONG(Long.class),
    BOOLEAN(Boolean.class),
    QI(QiValue.class),
    TEXT(String.class),
    INSTANT(Instant.class),
    DURATION(Duration.class);

    private final Class<?> javaType;

    ValueKind(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The class every value of this kind is an instance of. */
    public Class<?> javaType() {
        return javaType;
    }
}
