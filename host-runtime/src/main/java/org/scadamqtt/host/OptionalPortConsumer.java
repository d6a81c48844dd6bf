package org.scadamqtt.host;

import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads {@code --embedded-broker[=PORT]}: the option takes the next argument as its port only when
 * that argument is a number, so {@code run --embedded-broker plant.xml} means "embedded broker on
 * the default port, configuration plant.xml" instead of "port 'plant.xml' is not an int".
 * Without a port the option's value is 0 (1883, else a free port).
 */
final class OptionalPortConsumer implements CommandLine.IParameterConsumer {

    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        int port = 0;
        if (!args.isEmpty() && args.peek().matches("\\d+")) {
            String given = args.pop();
            try {
                port = PortOption.parse(given);
            } catch (CommandLine.TypeConversionException e) {
                throw new CommandLine.ParameterException(commandSpec.commandLine(),
                        "--embedded-broker port " + given + " is not a TCP port (1 to 65535)");
            }
        } else if (!args.isEmpty() && args.peek().matches("-\\d+")) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(),
                    "--embedded-broker port " + args.peek() + " is not a TCP port (1 to 65535)");
        }
        argSpec.setValue(port);
    }
}
