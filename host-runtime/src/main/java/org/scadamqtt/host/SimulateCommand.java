package org.scadamqtt.host;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.scadamqtt.host.sim.Simulator;
import org.scadamqtt.host.sim.SimulatorException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulate --broker URL}: the device simulator alone, against any broker. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run the device simulator of sample-config/demo.xml (JSON meters that acknowledge relay commands, "
                + "a temperature sensor, a LoRaWAN sensor in TTN v3 envelopes, a gateway status/will pair) against any broker "
                + "until Ctrl-C. It is a device emulation with its own MQTT client, not the driver.")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--broker", required = true, paramLabel = "HOST[:PORT]|URL",
            description = "broker, written as a line's <host> is: 127.0.0.1, 127.0.0.1:1883, tcp://127.0.0.1:1883, "
                    + "ssl://broker:8883 (port 1883 when none is given)")
    String broker;

    @Option(names = "--rate", paramLabel = "N/s", defaultValue = "1/s",
            description = "messages per second per device (default ${DEFAULT-VALUE}); '5' and '5/s' both work")
    String rate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        double perSecond = rateOption(rate);
        String uri = brokerUri(broker);
        Simulator sim;
        try {
            sim = Simulator.start(uri, perSecond);
        } catch (SimulatorException e) {
            throw new HostException(ExitCodes.STARTUP_FAILED, e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        spec.commandLine().getOut().println("simulator publishing to " + uri + " at " + perSecond
                + " messages/s per device; Ctrl-C stops");
        stopped.await();
        return ExitCodes.OK;
    }

    /**
     * {@code --broker} as a URL the MQTT client takes: {@code host}, {@code host:port} and
     * {@code [v6]:port} get {@code tcp://} (and port 1883), as a line's {@code <host>} does.
     *
     * @throws HostException (exit 2) for a port that is not one
     */
    static String brokerUri(String broker) throws HostException {
        String b = broker.strip();
        if (b.contains("://")) {
            return b;
        }
        if (b.indexOf(':') != b.lastIndexOf(':') && !b.startsWith("[")) {
            return "tcp://[" + b + "]:1883"; // a bare IPv6 address
        }
        int colon = b.lastIndexOf(':');
        boolean hasPort = colon > 0 && (b.indexOf(':') == colon || b.charAt(colon - 1) == ']');
        if (!hasPort) {
            return "tcp://" + b + ":1883";
        }
        String port = b.substring(colon + 1);
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new HostException(ExitCodes.USAGE, "--broker '" + broker + "' has port '" + port + "'; a port is "
                    + "a number from 1 to 65535 (1883 for MQTT)");
        }
        return "tcp://" + b;
    }

    /** The {@code --rate} option of simulate and demo: a rate that is not one is a usage error. */
    static double rateOption(String text) throws HostException {
        try {
            return parseRate(text);
        } catch (IllegalArgumentException e) {
            throw new HostException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    /** "5", "5/s", "0.5/s" → messages per second. */
    static double parseRate(String text) {
        String t = text.trim();
        if (t.endsWith("/s")) {
            t = t.substring(0, t.length() - 2).trim();
        }
        try {
            double r = Double.parseDouble(t);
            if (r > 0 && r <= 1000) {
                return r;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(
                "--rate '" + text + "' is not a rate; give messages per second per device, more than 0 and at most "
                        + "1000, e.g. 2/s");
    }
}
