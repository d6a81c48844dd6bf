package org.scadamqtt.mqtt.profiles.wirepas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.profile.Outgoing;

/**
 * Our SendPacketReq, read back by an independent decoder: the system's protoc (Debian
 * protobuf-compiler) with --decode on our .proto. Skipped with a message when protoc is missing,
 * except in CI (CI=true), where .ci/run installs it and a missing protoc is a failure.
 */
class WirepasProtocDecodeTest {

    @TempDir
    Path dir;

    @Test
    void protocDecodesOurSendPacketReqToTheIntendedFields() throws Exception {
        String protoc = findProtoc();
        if (protoc == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("protoc is not installed; .ci/run installs Debian's protobuf-compiler for this test");
            }
            assumeTrue(false, "protoc is not installed (apt-get install protobuf-compiler); the encoder check is skipped");
        }
        StationConfig station = TestConfigs.station("S", "x", TestConfigs.params());
        WirepasRequest r = WirepasRequest.compile(TestConfigs.tag("t", "TxtO",
                "WP=send_data;gw=gw1;sink=sink0;dst=1234;src_ep=1;dst_ep=2;hop_limit=4"), station);
        Outgoing out = WirepasRequestTest.write(r, "TxtO", "010203", 0x0123456789ABCDEFL);
        Path payload = dir.resolve("req.bin");
        Files.write(payload, out.payload());
        Path protoDir = Path.of("src/main/proto").toAbsolutePath();
        Process p = new ProcessBuilder(protoc, "--proto_path=" + protoDir, "--decode=scadamqtt.wirepas.GenericMessage",
                "wirepas_gateway_api.proto").redirectInput(payload.toFile()).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("protoc did not finish in 30 s");
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        assertEquals("""
                wirepas {
                  send_packet_req {
                    header {
                      req_id: 81985529216486895
                      sink_id: "sink0"
                    }
                    destination_address: 1234
                    source_endpoint: 1
                    destination_endpoint: 2
                    qos: 0
                    payload: "\\001\\002\\003"
                    hop_limit: 4
                  }
                }
                """, text);
    }

    private static String findProtoc() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            File f = new File(d, "protoc");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }
}
