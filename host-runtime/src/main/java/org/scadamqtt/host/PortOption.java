package org.scadamqtt.host;

import picocli.CommandLine;

/**
 * Reads a TCP port option ({@code --http-port}, {@code --broker-port}): a number from 0 (a free
 * port) to 65535, else a usage error (exit 2) with a sentence instead of a stack trace.
 */
final class PortOption implements CommandLine.ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        return parse(value);
    }

    /**
     * @throws CommandLine.TypeConversionException naming the valid range
     */
    static int parse(String value) {
        String v = value.trim();
        if (v.matches("\\d{1,5}")) {
            int port = Integer.parseInt(v);
            if (port <= 65535) {
                return port;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not a TCP port; give a number from 1 to "
                + "65535, or 0 for a free port");
    }
}
