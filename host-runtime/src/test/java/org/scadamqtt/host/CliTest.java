package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    @Test
    void portsOutOfRangeAreUsageErrorsWithASentence() {
        for (String[] args : new String[][] {
                {"run", "plant.xml", "--http-port", "70000"},
                {"run", "plant.xml", "--http-port", "-1"},
                {"demo", "--broker-port", "99999"},
                {"run", "--embedded-broker", "70000", "plant.xml"}}) {
            Result r = cli(args);
            assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
            assertTrue(r.err().contains("not a TCP port"), r.err());
            assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        }
    }

    @Test
    void aWrongBindAddressIsSaidAsSuchBeforeAnyLineStarts(@TempDir Path tmp) throws Exception {
        // 203.0.113.7 (TEST-NET-3) is a valid address no machine here has
        Result foreign = cli("run", config("good.xml"), "--http-bind", "203.0.113.7", "--console", "web",
                "--data-dir", tmp.toString());
        assertEquals(ExitCodes.STARTUP_FAILED, foreign.code(), foreign.out() + foreign.err());
        assertTrue(foreign.err().contains("cannot listen on 203.0.113.7: this machine has no such address"),
                foreign.err());
        assertFalse(foreign.err().contains("in use"), foreign.err());
        assertFalse(Files.exists(tmp.resolve("host-id")), "stopped before the data folder and the lines were opened");

        Result nonsense = cli("run", config("good.xml"), "--http-bind", "no-such-host.invalid", "--data-dir",
                tmp.toString());
        assertEquals(ExitCodes.USAGE, nonsense.code(), nonsense.out() + nonsense.err());
        assertTrue(nonsense.err().contains("--http-bind 'no-such-host.invalid' is not an address"), nonsense.err());
    }

    @Test
    void simulateTakesTheBrokerAsALineHostIsWritten() throws Exception {
        assertEquals("tcp://127.0.0.1:1883", SimulateCommand.brokerUri("127.0.0.1"));
        assertEquals("tcp://broker.example:1884", SimulateCommand.brokerUri("broker.example:1884"));
        assertEquals("tcp://[::1]:1883", SimulateCommand.brokerUri("[::1]:1883"));
        assertEquals("tcp://[::1]:1883", SimulateCommand.brokerUri("::1"));
        assertEquals("ssl://broker:8883", SimulateCommand.brokerUri("ssl://broker:8883"));
        Result bad = cli("simulate", "--broker", "127.0.0.1:99999");
        assertEquals(ExitCodes.USAGE, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("a port is a number from 1 to 65535"), bad.err());
    }

    @Test
    void theWriteTokenComesFromAFile(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("token");
        Files.writeString(file, "  s3cret-token \nsecond line ignored\n");
        assertEquals("s3cret-token", parseRun("run", "plant.xml", "--write-token-file", file.toString())
                .console.writeToken());
        Files.writeString(file, "\n");
        HostException empty = org.junit.jupiter.api.Assertions.assertThrows(HostException.class,
                () -> parseRun("run", "plant.xml", "--write-token-file", file.toString()).console.writeToken());
        assertEquals(ExitCodes.USAGE, empty.exitCode());
        assertTrue(empty.getMessage().contains("first line is empty"), empty.getMessage());
        HostException both = org.junit.jupiter.api.Assertions.assertThrows(HostException.class,
                () -> parseRun("run", "plant.xml", "--write-token", "x", "--write-token-file", file.toString())
                        .console.writeToken());
        assertEquals(ExitCodes.USAGE, both.exitCode());
        Result missing = cli("run", config("good.xml"), "--write-token-file", tmp.resolve("nope").toString(),
                "--data-dir", tmp.toString());
        assertEquals(ExitCodes.USAGE, missing.code(), missing.out() + missing.err());
        assertTrue(missing.err().contains("--write-token-file"), missing.err());
    }

    @Test
    void aConsoleOnTheNetworkWithoutATokenIsWarnedAbout() {
        String w = WebConsoleHandle.exposureWarning("0.0.0.0", null);
        assertTrue(w != null && w.contains("every network interface") && w.contains("--write-token-file"), w);
        assertEquals(null, WebConsoleHandle.exposureWarning("0.0.0.0", "token"));
        assertEquals(null, WebConsoleHandle.exposureWarning("127.0.0.1", null));
        assertEquals(null, WebConsoleHandle.exposureWarning("localhost", null));
        assertEquals(null, WebConsoleHandle.exposureWarning("::1", null));
    }

    @Test
    void validatePrintsWarningsMarkedAndStillExitsZero(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("warn.xml");
        Files.writeString(file, "<scada xmlns=\"urn:scada-mqtt:config:1\">\n<line name=\"L\" protocol=\"mqtt\">"
                + "<host>h</host>\n<param name=\"topicFilter\">plant/#</param>\n"
                + "<station name=\"A\" address=\"plant/x\"><tag name=\"A1\" type=\"TxtI\" address=\"IN_DATA\"/></station>\n"
                + "<station name=\"B\" address=\"plant/x\"><tag name=\"B1\" type=\"TxtI\" address=\"IN_DATA\"/></station>\n"
                + "<station name=\"C\" address=\"dev/[1\"><tag name=\"C1\" type=\"TxtI\" address=\"IN_DATA\"/></station>\n"
                + "<station name=\"D\" address=\"plant/d\"/>\n"
                + "</line>\n</scada>\n");
        Result r = cli("validate", file.toString());
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(file + ":5:") && l.contains(": warning: station 'B'")
                && l.endsWith("[DUPLICATE_STATION_ADDRESS]")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(file + ":6:") && l.endsWith("[ADDRESS_NOT_A_REGEX]")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(file + ":6:") && l.endsWith("[STATION_NOT_SUBSCRIBED]")),
                r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(file + ":7:") && l.endsWith("[EMPTY_STATION]")), r.out());
        String summary = lines.get(lines.size() - 1);
        assertTrue(summary.startsWith("OK: ") && summary.endsWith("1 line(s), 4 station(s), 3 tag(s); 4 warnings above"),
                r.out());
    }

    @Test
    void validateKeepsWarningsApartFromErrors(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("both.xml");
        Files.writeString(file, "<scada xmlns=\"urn:scada-mqtt:config:1\">\n<line name=\"L\" protocol=\"mqtt\">"
                + "<host>h</host>\n<param name=\"topicFiltr\">plant/#</param>\n"
                + "<station name=\"D\" address=\"plant/d\"/>\n</line>\n</scada>\n");
        Result r = cli("validate", file.toString());
        assertEquals(ExitCodes.CONFIG_INVALID, r.code(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith(file + ":3:") && lines.get(0).contains("did you mean 'topicFilter'?"), r.out());
        assertTrue(lines.get(1).startsWith(file + ":4:") && lines.get(1).contains(": warning: "), r.out());
        assertEquals("1 problem and 1 warning in " + file, lines.get(2), r.out());
    }

    @Test
    void versionPrintsTheProjectVersion() throws Exception {
        Result r = cli("--version");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String expected = System.getProperty("scada.projectVersion");
        assertTrue(expected != null && !expected.isBlank(), "the build passes the project version");
        assertEquals("scada-host " + expected, r.out().strip());
    }
}
