package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: validate, usage errors, run refusing `embedded` without the broker. */
class CliTest {

    private record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String config(String name) throws URISyntaxException {
        return Path.of(CliTest.class.getResource("/config/" + name).toURI()).toString();
    }

    @Test
    void validateAcceptsAGoodConfigWithAOneLineSummary() throws Exception {
        Result r = cli("validate", config("good.xml"));
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(1, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("OK: "), r.out());
        assertTrue(lines.get(0).endsWith("good.xml: 1 line(s), 2 station(s), 5 tag(s)"), r.out());
    }

    @Test
    void validatePrintsEveryProblemWithFileLineColumnAndExitsOne() throws Exception {
        String file = config("bad.xml");
        Result r = cli("validate", file);
        assertEquals(ExitCodes.CONFIG_INVALID, r.code(), r.out() + r.err());
        List<String> problems = r.out().lines().filter(l -> l.startsWith(file + ":")).toList();
        assertEquals(3, problems.size(), r.out());
        for (String p : problems) {
            assertTrue(p.matches(java.util.regex.Pattern.quote(file) + ":\\d+:\\d+: .+ \\[[A-Z_]+]"), p);
        }
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + ":6:") && p.contains("topicFiltr")), r.out());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + ":7:") && p.contains("QoS_3")), r.out());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + ":9:") && p.contains("Text")), r.out());
        assertTrue(r.out().contains("3 problems in " + file), r.out());
    }

    @Test
    void validateNamesAMissingFile(@TempDir Path tmp) {
        Result r = cli("validate", tmp.resolve("nope.xml").toString());
        assertEquals(ExitCodes.CONFIG_INVALID, r.code());
        assertTrue(r.out().contains("nope.xml: configuration file"), r.out());
    }

    @Test
    void validateNotesEmbeddedHostsAndRunRefusesThemWithoutTheBroker(@TempDir Path tmp) throws Exception {
        Result v = cli("validate", config("embedded.xml"));
        assertEquals(ExitCodes.OK, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("--embedded-broker"), v.out());

        Result run = cli("run", config("embedded.xml"), "--console", "none", "--data-dir", tmp.toString());
        assertEquals(ExitCodes.CONFIG_INVALID, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("line 'DEMO' uses host 'embedded'"), run.err());
        assertTrue(run.err().contains("--embedded-broker"), run.err());
    }

    @Test
    void wrongCommandLinesExitTwoAndEveryCommandHasHelp() {
        assertEquals(ExitCodes.USAGE, cli("run").code());
        assertEquals(ExitCodes.USAGE, cli("frobnicate").code());
        assertEquals(ExitCodes.USAGE, cli("simulate").code(), "--broker is required");
        assertEquals(ExitCodes.USAGE, cli("simulate", "--broker", "tcp://127.0.0.1:1", "--rate", "fast").code());
        for (String cmd : Arrays.asList("run", "validate", "demo", "simulate")) {
            Result r = cli(cmd, "--help");
            assertEquals(ExitCodes.OK, r.code(), cmd);
            assertTrue(r.out().contains("Usage:"), cmd + ": " + r.out());
        }
        Result top = cli("--help");
        assertTrue(top.out().contains("Exit codes:"), top.out());
    }

    @Test
    void rateAcceptsPlainAndPerSecondForms() {
        assertEquals(5.0, SimulateCommand.parseRate("5"));
        assertEquals(0.5, SimulateCommand.parseRate("0.5/s"));
    }

    private static RunCommand parseRun(String... args) {
        picocli.CommandLine cl = new picocli.CommandLine(new Main());
        picocli.CommandLine.ParseResult parsed = cl.parseArgs(args);
        return (RunCommand) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void embeddedBrokerTakesAPortOnlyWhenOneIsGiven() {
        RunCommand before = parseRun("run", "--embedded-broker", "plant.xml");
        assertEquals(0, before.embeddedBroker, "no port: 1883, else a free one");
        assertEquals(Path.of("plant.xml"), before.config);
        assertEquals(0, parseRun("run", "plant.xml", "--embedded-broker").embeddedBroker);
        assertEquals(1884, parseRun("run", "plant.xml", "--embedded-broker=1884").embeddedBroker);
        assertEquals(1884, parseRun("run", "--embedded-broker", "1884", "plant.xml").embeddedBroker);
        assertEquals(null, parseRun("run", "plant.xml").embeddedBroker, "no option: no embedded broker");
        Result bad = cli("run", "plant.xml", "--embedded-broker=fast");
        assertEquals(ExitCodes.USAGE, bad.code(), bad.out() + bad.err());
    }

    @Test
    void httpHostNamesAreRepeatableOrCommaSeparated() {
        RunCommand run = parseRun("run", "plant.xml", "--http-host", "scada.example", "--http-host=a.example,b.example");
        assertEquals(java.util.List.of("scada.example", "a.example", "b.example"), run.console.httpHosts());
        assertEquals(java.util.List.of(), parseRun("run", "plant.xml").console.httpHosts());
    }
}
