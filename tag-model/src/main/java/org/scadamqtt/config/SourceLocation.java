package org.scadamqtt.config;

/**
 * Where something stands in a configuration file; printed as {@code file:line:column}.
 *
 * @param file   the file name as given to the loader (or a description such as "&lt;memory&gt;")
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record SourceLocation(String file, int line, int column) {

    /** A location for configuration built in code rather than read from a file. */
    public static final SourceLocation NONE = new SourceLocation("<code>", 0, 0);

    /** {@code file:line:column}, or only {@code file} when the position is unknown (a missing file). */
    @Override
    public String toString() {
        return line == 0 && column == 0 ? file : file + ":" + line + ":" + column;
    }
}
