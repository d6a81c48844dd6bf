package org.scadamqtt.mqtt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code ```xml} blocks of the Markdown files in {@code docs/} that are whole configuration
 * files (they contain {@code <scada}). Partial snippets (a lone {@code <station>} or
 * {@code <param>}) do not start with {@code <scada} and are not collected.
 */
final class DocsExamples {

    static final Path DOCS = Path.of("..", "docs");
    private static final Pattern XML_BLOCK = Pattern.compile("(?m)^```xml[ \\t]*\\R(.*?)^```", Pattern.DOTALL);

    /** One whole-file example: where it is and its text. */
    record Example(String file, int line, String xml) {
        String where() {
            return "docs/" + file + ":" + line;
        }
    }

    private DocsExamples() {
    }

    /** Every Markdown file of docs/, sorted. */
    static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }

    /** The whole-configuration examples of one Markdown file, in order. */
    static List<Example> examples(Path markdown) throws IOException {
        String text = Files.readString(markdown);
        List<Example> out = new ArrayList<>();
        Matcher m = XML_BLOCK.matcher(text);
        while (m.find()) {
            String xml = m.group(1);
            if (xml.contains("<scada")) {
                int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                out.add(new Example(markdown.getFileName().toString(), line, xml));
            }
        }
        return out;
    }

    /** The examples of docs/{@code file}. */
    static List<Example> examples(String file) throws IOException {
        return examples(DOCS.resolve(file));
    }

    /** The one example of docs/{@code file} that contains {@code marker}. */
    static Example example(String file, String marker) throws IOException {
        List<Example> hits = examples(file).stream().filter(e -> e.xml().contains(marker)).toList();
        if (hits.size() != 1) {
            throw new AssertionError("docs/" + file + " should have exactly one whole <scada> example containing '"
                    + marker + "', found " + hits.size());
        }
        return hits.get(0);
    }
}
