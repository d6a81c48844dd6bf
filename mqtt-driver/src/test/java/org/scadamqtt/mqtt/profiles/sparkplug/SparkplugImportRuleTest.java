package org.scadamqtt.mqtt.profiles.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Sparkplug profile uses the seam only, never the driver's internals. */
class SparkplugImportRuleTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> ALLOWED = List.of("java.", "org.scadamqtt.mqtt.profile.", "org.scadamqtt.config.",
            "org.scadamqtt.tag.", "org.scadamqtt.driver.", "com.fasterxml.jackson.", "com.google.protobuf.",
            "org.scadamqtt.mqtt.profiles.sparkplug.");

    @Test
    void theProfileImportsOnlyTheSeamTagModelDriverApiJacksonProtobufAndTheJdk() throws IOException {
        Path dir = Path.of("src/main/java/org/scadamqtt/mqtt/profiles/sparkplug");
        List<String> wrong = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                String text = Files.readString(f);
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String name = m.group(2);
                    if (ALLOWED.stream().noneMatch(name::startsWith)) {
                        wrong.add(f.getFileName() + ": " + name);
                    }
                }
                assertTrue(!text.contains("org.scadamqtt.mqtt.internal") && !text.contains("org.eclipse.paho"),
                        f + " names the driver's internals or Paho");
            }
        }
        assertTrue(files >= 5, "found only " + files + " files in " + dir);
        assertEquals(List.of(), wrong);
    }
}
