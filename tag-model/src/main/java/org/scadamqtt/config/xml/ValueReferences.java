package org.scadamqtt.config.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a text parameter written as exactly {@code ${env:NAME}} (an environment variable) or
 * {@code ${file:PATH}} (a file's content, trailing line breaks removed; a relative path is read
 * from the configuration file's folder), so that passwords need not stand in the file. The
 * resolved value is never put into a message.
 */
final class ValueReferences {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");
    /** Secrets are short; a larger file is a wrong path, not a password. */
    private static final int MAX_FILE_BYTES = 64 * 1024;

    private final Function<String, String> environment;
    private final Path baseDir;

    ValueReferences(Function<String, String> environment, Path baseDir) {
        this.environment = environment;
        this.baseDir = baseDir;
    }

    /** The outcome: the value to use, or a sentence saying why the reference does not resolve. */
    record Resolved(String value, String error) {
    }

    /** The value of {@code text}: itself unless it is a reference. */
    Resolved resolve(String parameter, String text) {
        Matcher m = REFERENCE.matcher(text.strip());
        if (!m.matches()) {
            return new Resolved(text, null);
        }
        String what = m.group(2).strip();
        if (m.group(1).equals("env")) {
            String v = environment.apply(what);
            return v != null ? new Resolved(v, null) : new Resolved(null, "parameter '" + parameter
                    + "' refers to environment variable '" + what + "', which is not set; set it before starting "
                    + "or write the value in the file");
        }
        Path p = baseDir.resolve(what).normalize();
        // a device (/dev/zero, /dev/urandom) reports size 0 and never ends; a FIFO blocks the
        // open until something writes to it: only a regular file can hold a value
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            return new Resolved(null, "parameter '" + parameter + "' refers to '" + p + "', which is "
                    + (Files.isDirectory(p) ? "a folder" : "not a regular file (a device, pipe or socket)")
                    + "; it must name a file that holds only the value");
        }
        try (InputStream in = Files.newInputStream(p)) {
            // read at most one byte past the bound: the size reported before opening is not trusted
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                return new Resolved(null, "parameter '" + parameter + "' refers to file '" + p
                        + "', which is larger than " + MAX_FILE_BYTES + " bytes; it should hold only the value");
            }
            String content = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            int end = content.length();
            while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
                end--;
            }
            return new Resolved(content.substring(0, end), null);
        } catch (IOException | RuntimeException e) {
            return new Resolved(null, "parameter '" + parameter + "' refers to file '" + p
                    + "', which cannot be read (" + e.getClass().getSimpleName() + "); relative paths are read "
                    + "from the configuration file's folder " + baseDir);
        }
    }
}
