package org.scadamqtt.tag;

import java.util.Arrays;
import java.util.Optional;

/**
 * The D2000 I/O tag value types. The constant names are the D2000 spellings and appear in
 * configuration files as they are ({@code type="Ai"}).
 */
public enum TagType {
    /** Analog input. */
    Ai(Direction.INPUT, ValueKind.DOUBLE),
    /** Analog output. */
    Ao(Direction.OUTPUT, ValueKind.DOUBLE),
    /** Integer (counter) input. */
    Ci(Direction.INPUT, ValueKind.LONG),
    /** Integer (counter) output. */
    Co(Direction.OUTPUT, ValueKind.LONG),
    /** Digital input. */
    Di(Direction.INPUT, ValueKind.BOOLEAN),
    /** Digital output. */
    Do(Direction.OUTPUT, ValueKind.BOOLEAN),
    /** Four-state (quad) input: Q_Off, Q_On, Q_Trans, Q_Err. */
    Qi(Direction.INPUT, ValueKind.QI),
    /** Text input. */
    TxtI(Direction.INPUT, ValueKind.TEXT),
    /** Text output. */
    TxtO(Direction.OUTPUT, ValueKind.TEXT),
    /** Absolute time input. */
    TiA(Direction.INPUT, ValueKind.INSTANT),
    /** Absolute time output. */
    ToA(Direction.OUTPUT, ValueKind.INSTANT),
    /** Relative time (interval) input. */
    TiR(Direction.INPUT, ValueKind.DURATION),
    /** Relative time (interval) output. */
    ToR(Direction.OUTPUT, ValueKind.DURATION);

    private final Direction direction;
    private final ValueKind kind;

    TagType(Direction direction, ValueKind kind) {
        this.direction = direction;
        this.kind = kind;
    }

    public Direction direction() {
        return direction;
    }

    public ValueKind kind() {
        return kind;
    }

    public boolean isOutput() {
        return direction == Direction.OUTPUT;
    }

    /** Finds a type by its D2000 name, ignoring case ({@code "txti"} finds {@link #TxtI}). */
    public static Optional<TagType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(trimmed)).findFirst();
    }
}
