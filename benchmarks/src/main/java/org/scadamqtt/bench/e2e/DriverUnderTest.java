package org.scadamqtt.bench.e2e;

import java.util.List;
import java.util.ServiceLoader;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.Driver;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.DriverProvider;

/** The MQTT driver found through the driver SPI, as a host would load it, started on a line. */
public final class DriverUnderTest implements AutoCloseable {

    private final Driver driver;

    private DriverUnderTest(Driver driver) {
        this.driver = driver;
    }

    /** The provider of protocol {@code mqtt}; throws with a sentence when none is on the class path. */
    public static DriverProvider provider() {
        for (DriverProvider p : ServiceLoader.load(DriverProvider.class)) {
            if ("mqtt".equals(p.protocol())) {
                return p;
            }
        }
        throw new IllegalStateException("no DriverProvider for protocol 'mqtt' on the class path "
                + "(META-INF/services/org.scadamqtt.driver.DriverProvider in mqtt-driver)");
    }

    /** Validates the line, creates the driver and starts it. */
    public static DriverUnderTest start(LineConfig line, DriverContext context) {
        DriverProvider provider = provider();
        // warnings (e.g. many stations on one address) do not stop a benchmark; errors do
        List<ConfigProblem> problems = provider.validate(line).stream().filter(ConfigProblem::isError).toList();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the benchmark configuration is invalid: " + problems.subList(0,
                    Math.min(5, problems.size())) + (problems.size() > 5 ? " and " + (problems.size() - 5) + " more" : ""));
        }
        Driver d = provider.create(line, context);
        d.start();
        return new DriverUnderTest(d);
    }

    public Driver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.stop();
    }
}
