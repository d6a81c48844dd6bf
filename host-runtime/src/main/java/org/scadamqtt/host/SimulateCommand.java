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

    @Option(names = "--broker", required = true, paramLabel = "URL", description = "broker, e.g. tcp://127.0.0.1:1883")
    String broker;

    @Option(names = "--rate", paramLabel = "N/s", defaultValue = "1/s",
            description = "messages per second per device (default ${DEFAULT-VALUE}); '5' and '5/s' both work")
    String rate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        double perSecond = rateOption(rate);
        Simulator sim;
        try {
            sim = Simulator.start(broker, perSecond);
        } catch (SimulatorException e) {
            throw new HostException(ExitCodes.STARTUP_FAILED, e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        spec.commandLine().getOut().println("simulator publishing to " + broker + " at " + perSecond
                + " messages/s per device; Ctrl-C stops");
        stopped.await();
        return ExitCodes.OK;
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
