package org.scadamqtt.mqtt.profiles.gizwits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Gizwits frame vectors (src/test/resources/gizwits/frames.tsv, varlen.tsv). */
final class GizwitsVectors {

    /** One frame: its bytes and the fields it decodes to, or the words its failure contains. */
    record Frame(String name, byte[] bytes, Map<String, String> fields, List<String> errorWords) {
        boolean bad() {
            return !errorWords.isEmpty();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private GizwitsVectors() {
    }

    static List<Frame> frames() {
        List<Frame> out = new ArrayList<>();
        for (String[] cols : rows("/gizwits/frames.tsv")) {
            Map<String, String> fields = new LinkedHashMap<>();
            List<String> words = new ArrayList<>();
            String expected = cols[2];
            if (expected.startsWith("ERROR:")) {
                for (String w : expected.substring(6).split(" ; ")) {
                    words.add(w.strip());
                }
            } else {
                for (String f : expected.split(" ; ")) {
                    int eq = f.indexOf('=');
                    fields.put(f.substring(0, eq).strip(), f.substring(eq + 1).strip());
                }
            }
            out.add(new Frame(cols[0], HexFormat.of().parseHex(cols[1]), fields, words));
        }
        return out;
    }

    static Frame named(String name) {
        return frames().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** value, hex rows of varlen.tsv. */
    static List<String[]> varLens() {
        return rows("/gizwits/varlen.tsv");
    }

    private static List<String[]> rows(String resource) {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                GizwitsVectors.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
