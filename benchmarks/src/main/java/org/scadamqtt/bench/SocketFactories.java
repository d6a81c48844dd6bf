package org.scadamqtt.bench;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import javax.net.SocketFactory;

/**
 * Finds the socket factory the driver gives Paho, so the bare-Paho baseline and the latency
 * publisher connect exactly as the driver does (TCP_NODELAY, buffered input). Looked up by
 * name so the benchmarks keep compiling while that class is renamed or rewritten.
 */
public final class SocketFactories {

    private static final List<String> CANDIDATES = List.of(
            "org.scadamqtt.mqtt.internal.client.NoDelaySocketFactory",
            "org.scadamqtt.mqtt.internal.client.BufferedSocketFactory",
            "org.scadamqtt.mqtt.internal.client.TcpSocketFactory",
            "org.scadamqtt.mqtt.internal.client.DriverSocketFactory",
            "org.scadamqtt.mqtt.internal.client.SocketFactories");

    /**
     * The factory found, and a description of it for the report.
     *
     * @param factory     the factory; null when the driver's could not be found
     * @param description which class (and how it was obtained), or why none was found
     */
    public record Found(SocketFactory factory, String description) {
        public boolean isDrivers() {
            return factory != null;
        }
    }

    private SocketFactories() {
    }

    /** The driver's plain-TCP socket factory, or a {@link Found} with a null factory saying why not. */
    public static Found driverFactory() {
        for (String name : CANDIDATES) {
            Class<?> c;
            try {
                c = Class.forName(name);
            } catch (ClassNotFoundException e) {
                continue;
            }
            try {
                if (SocketFactory.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
                    try {
                        return new Found((SocketFactory) c.getConstructor().newInstance(), c.getName() + "()");
                    } catch (NoSuchMethodException noPublicConstructor) {
                        // try static factories below
                    }
                }
                for (Method m : c.getMethods()) {
                    if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                            && SocketFactory.class.isAssignableFrom(m.getReturnType())) {
                        return new Found((SocketFactory) m.invoke(null), c.getName() + "." + m.getName() + "()");
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                return new Found(null, "found " + name + " but could not create it: " + e);
            }
        }
        return new Found(null, "the driver's socket factory was not found (looked for " + CANDIDATES
                + "); the baseline uses the JVM default socket factory, so B is NOT comparable to C");
    }
}
