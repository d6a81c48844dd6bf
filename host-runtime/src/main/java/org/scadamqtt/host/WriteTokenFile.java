package org.scadamqtt.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --write-token-file FILE}: the token is the file's first line, without surrounding spaces. */
final class WriteTokenFile {

    /** More than any token needs; a larger file is not a token file (a wrong path). */
    static final int MAX_LINE = 4096;

    private WriteTokenFile() {
    }

    /**
     * @throws HostException (exit 2) naming the file when it is missing, not a regular file, empty,
     *                       or its first line is too long to be a token
     */
    static String read(Path file) throws HostException {
        if (!Files.isRegularFile(file)) {
            throw new HostException(ExitCodes.USAGE, "--write-token-file " + file + ": no such file (or not a "
                    + "regular file); write the token into a file readable by the host's user only");
        }
        String line;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] buf = new char[MAX_LINE + 1];
            int n = in.read(buf);
            String text = n <= 0 ? "" : new String(buf, 0, n);
            int end = text.indexOf('\n');
            if (end < 0 && n > MAX_LINE) {
                throw new HostException(ExitCodes.USAGE, "--write-token-file " + file + ": the first line is longer "
                        + "than " + MAX_LINE + " characters; the file should hold only the token");
            }
            line = (end < 0 ? text : text.substring(0, end)).strip();
        } catch (IOException e) {
            throw new HostException(ExitCodes.USAGE, "--write-token-file " + file + " cannot be read ("
                    + e.getMessage() + ")", e);
        }
        if (line.isEmpty()) {
            throw new HostException(ExitCodes.USAGE, "--write-token-file " + file + ": the first line is empty; "
                    + "write the token on it");
        }
        return line;
    }
}
