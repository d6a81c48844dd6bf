package org.scadamqtt.tag;

import java.util.Arrays;
import java.util.Optional;

/**
 * The value of a D2000 quad (Qi) tag. Numeric codes follow D2000: 0 Trans, 1 Off, 2 On, 3 Err.
 */
public enum QiValue {
    Q_Trans(0),
    Q_Off(1),
    Q_On(2),
    Q_Err(3);

    private final int code;

    QiValue(int code) {
        this.code = code;
    }

    /** The D2000 numeric code: 0 Trans, 1 Off, 2 On, 3 Err. */
    public int code() {
        return code;
    }

    /** The value for a numeric code, if it is 0 to 3. */
    public static Optional<QiValue> ofCode(long code) {
        return Arrays.stream(values()).filter(q -> q.code == code).findFirst();
    }

    /** The value for a name: {@code Q_On}, {@code On}, {@code on} all find {@link #Q_On}. */
    public static Optional<QiValue> ofName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim();
        return Arrays.stream(values())
                .filter(q -> q.name().equalsIgnoreCase(n) || q.name().substring(2).equalsIgnoreCase(n))
                .findFirst();
    }
}
