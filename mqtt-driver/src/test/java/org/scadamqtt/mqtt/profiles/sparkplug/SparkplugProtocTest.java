package org.scadamqtt.mqtt.profiles.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our payloads checked by an independent codec, the system's protoc (Debian protobuf-compiler),
 * against our .proto, both ways: what we encode protoc decodes to the intended fields, and what
 * protoc encodes from text we decode to the intended values. Skipped with a message when protoc is
 * missing, except in CI (CI=true), where .ci/run installs it and a missing protoc is a failure.
 */
class SparkplugProtocTest {

    @TempDir
    Path dir;

    @Test
    void protocDecodesOurCommandAndRebirthRequest() throws Exception {
        String protoc = protoc();
        byte[] cmd = Commands.write("Motor/Speed", 7L, DataTypes.INT16, -3L, Instant.ofEpochMilli(Sp.T0));
        assertEquals("""
                timestamp: 1700000000000
                metrics {
                  name: "Motor/Speed"
                  alias: 7
                  timestamp: 1700000000000
                  datatype: 2
                  int_value: 4294967293
                }
                """, run(protoc, "--decode=scadamqtt.sparkplug.Payload", cmd));
        assertEquals("""
                timestamp: 1700000000000
                metrics {
                  name: "Node Control/Rebirth"
                  timestamp: 1700000000000
                  datatype: 11
                  boolean_value: true
                }
                """, run(protoc, "--decode=scadamqtt.sparkplug.Payload", Commands.rebirth(Instant.ofEpochMilli(Sp.T0))));
    }

    @Test
    void weDecodeWhatProtocEncodes() throws Exception {
        String protoc = protoc();
        String text = """
                timestamp: 1700000000000
                seq: 0
                metrics { name: "bdSeq" datatype: 4 long_value: 2 }
                metrics { name: "Level" alias: 5 timestamp: 1700000000123 datatype: 9 float_value: 0.5 }
                metrics { name: "Flags" alias: 6 datatype: 32 bytes_value: "\\003\\000\\000\\000\\240" }
                metrics { name: "Table" alias: 8 datatype: 16 dataset_value { num_of_columns: 1 columns: "v" types: 12
                  rows { elements { string_value: "r1" } } } }
                metrics { name: "Count" alias: 9 datatype: 1 int_value: 4294967295 }
                """;
        byte[] bytes = encode(protoc, text);
        SparkplugCodec.Parsed p = SparkplugCodec.parse(bytes);
        assertEquals(null, p.error());
        Map<String, MetricValue> v = SparkplugCodec.values(SparkplugCodec.byOwnNames(p.payload()), null);
        assertEquals(2, v.get("bdSeq").value().asLong());
        assertEquals(0.5, v.get("Level").value().asDouble());
        assertEquals(Instant.ofEpochMilli(1700000000123L), v.get("Level").time());
        assertEquals("[true,false,true]", v.get("Flags").value().toString());
        assertEquals("{\"columns\":[\"v\"],\"types\":[\"String\"],\"rows\":[[\"r1\"]]}", v.get("Table").value().toString());
        assertEquals(-1, v.get("Count").value().asInt());
    }

    private byte[] encode(String protoc, String text) throws Exception {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, text);
        Path out = dir.resolve("out.bin");
        Process p = new ProcessBuilder(protoc, "--proto_path=" + protoDir(), "--encode=scadamqtt.sparkplug.Payload",
                "sparkplug_b.proto").redirectInput(in.toFile()).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        finish(p);
        assertEquals(0, p.exitValue(), "protoc --encode failed");
        return Files.readAllBytes(out);
    }

    private String run(String protoc, String mode, byte[] payload) throws Exception {
        Path in = dir.resolve("payload.bin");
        Files.write(in, payload);
        Process p = new ProcessBuilder(protoc, "--proto_path=" + protoDir(), mode, "sparkplug_b.proto")
                .redirectInput(in.toFile()).redirectErrorStream(true).start();
        finish(p);
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    private static void finish(Process p) throws InterruptedException {
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("protoc did not finish in 30 s");
        }
    }

    private static String protoDir() {
        return Path.of("src/main/proto").toAbsolutePath().toString();
    }

    private static String protoc() {
        String path = System.getenv("PATH");
        for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
            File f = new File(d, "protoc");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("protoc is not installed; .ci/run installs Debian's protobuf-compiler for this test");
        }
        assumeTrue(false, "protoc is not installed (apt-get install protobuf-compiler); the check is skipped");
        return null;
    }
}
