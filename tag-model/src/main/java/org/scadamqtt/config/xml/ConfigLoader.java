package org.scadamqtt.config.xml;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.validation.ValidatorHandler;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ProtocolCatalog;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.SourceLocation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a configuration file ({@code <scada xmlns="urn:scada-mqtt:config:1">}): checks it
 * against the schema and against each line's protocol rules, and returns it as records, or
 * throws a {@link ConfigException} carrying every problem of the file, each with
 * file:line:column, sorted by location. Warnings alone do not refuse a file: they come back in
 * {@link ScadaConfig#warnings()}.
 *
 * <p>The file may not contain a DOCTYPE (so no entities, nothing external is read). Text
 * parameters written as {@code ${env:NAME}} or {@code ${file:PATH}} are replaced by the
 * environment variable or the file's content. Thread-safe; each call parses on its own.
 */
public final class ConfigLoader {

    /** The XML namespace of configuration files, version 1. */
    public static final String NAMESPACE = "urn:scada-mqtt:config:1";

    /** The class-path resource of the schema. */
    public static final String SCHEMA_RESOURCE = SecureXml.SCHEMA_RESOURCE;

    private static final Comparator<ConfigProblem> BY_LOCATION = Comparator
            .comparing((ConfigProblem p) -> p.location().file())
            .thenComparingInt(p -> p.location().line())
            .thenComparingInt(p -> p.location().column());

    private final ProtocolCatalog catalog;
    private final Function<String, String> environment;

    /** A loader that resolves {@code ${env:…}} from the process environment. */
    public ConfigLoader(ProtocolCatalog catalog) {
        this(catalog, System::getenv);
    }

    /**
     * @param catalog     the protocols lines may use
     * @param environment looks up {@code ${env:NAME}} references (tests pass a map's {@code get})
     */
    public ConfigLoader(ProtocolCatalog catalog, Function<String, String> environment) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * Loads a file; {@code ${file:…}} paths are relative to its folder.
     *
     * @throws ConfigException with every problem, including a file that cannot be read
     */
    public ScadaConfig load(Path file) throws ConfigException {
        String name = file.toString();
        Path dir = file.toAbsolutePath().getParent();
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, name, dir);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(new SourceLocation(name, 0, 0), "FILE_UNREADABLE",
                    "the configuration file cannot be read (" + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + ")")));
        }
    }

    /**
     * Loads a configuration held in a string; {@code fileName} is used in locations and
     * {@code ${file:…}} paths are relative to the working directory.
     */
    public ScadaConfig load(String xml, String fileName) throws ConfigException {
        return load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), fileName,
                Path.of("").toAbsolutePath());
    }

    /**
     * Loads a configuration from a stream (not closed here).
     *
     * @param in       the XML bytes (encoding from the XML declaration, UTF-8 by default)
     * @param fileName used in locations
     * @param baseDir  folder against which {@code ${file:…}} paths are resolved
     */
    public ScadaConfig load(InputStream in, String fileName, Path baseDir) throws ConfigException {
        ConfigHandler handler = new ConfigHandler(fileName);
        BufferedInputStream buffered = new BufferedInputStream(in);
        String declaration = "";
        try {
            declaration = declarationOf(buffered);
            SAXParser parser = SecureXml.parserFactory().newSAXParser();
            XMLReader reader = new DepthLimit(parser.getXMLReader());
            ValidatorHandler validator = SecureXml.validatorHandler();
            validator.setContentHandler(handler);
            validator.setErrorHandler(handler);
            reader.setContentHandler(validator);
            reader.setErrorHandler(handler);
            InputSource source = new InputSource(buffered);
            source.setSystemId(fileName);
            reader.parse(source);
        } catch (SAXException e) {
            if (!handler.fatal) {
                handler.problems.add(new ConfigProblem(new SourceLocation(fileName, 1, 1), "XML_SYNTAX",
                        "the file cannot be parsed: " + e.getMessage()));
            }
        } catch (UnsupportedEncodingException e) {
            handler.problems.add(encodingProblem(fileName, e.getMessage(), declaration));
        } catch (IOException e) {
            handler.problems.add(new ConfigProblem(new SourceLocation(fileName, 1, 1), "FILE_UNREADABLE",
                    "the configuration cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser available", e);
        }
        List<ConfigProblem> problems = new ArrayList<>(handler.problems);
        List<LineConfig> lines = List.of();
        if (!handler.fatal) {
            // the file is well-formed: check values too, even if the schema found problems
            lines = new ConfigAssembler(catalog, new ValueReferences(environment, baseDir), problems)
                    .lines(handler.model);
        }
        problems.sort(BY_LOCATION);
        if (problems.stream().anyMatch(ConfigProblem::isError)) {
            throw new ConfigException(problems); // the warnings travel with the errors, marked as such
        }
        return new ScadaConfig(fileName, lines, problems);
    }

    /** Enough of the file's start to hold its XML declaration. */
    private static final int DECLARATION_BYTES = 256;

    /**
     * The file's first bytes as ISO-8859-1 (enough to find {@code encoding=} in a declaration
     * whose encoding Java cannot read), the stream reset to its start for the parser.
     */
    private static String declarationOf(BufferedInputStream in) throws IOException {
        in.mark(DECLARATION_BYTES);
        String start = new String(in.readNBytes(DECLARATION_BYTES), StandardCharsets.ISO_8859_1);
        in.reset();
        return start;
    }

    /** The declared encoding Java cannot read, located at its {@code encoding=} when found. */
    private static ConfigProblem encodingProblem(String fileName, String encoding, String declaration) {
        int at = declaration.startsWith("<?xml") ? declaration.indexOf("encoding") : -1;
        int end = declaration.indexOf("?>");
        SourceLocation where = at < 0 || (end >= 0 && at > end) ? new SourceLocation(fileName, 1, 1)
                : ConfigHandler.located(fileName, 1 + (int) declaration.substring(0, at).chars().filter(c -> c == '\n')
                        .count(), at - declaration.lastIndexOf('\n', at));
        return new ConfigProblem(where, "XML_ENCODING", "the file declares encoding '" + encoding
                + "', which cannot be read; save the file as UTF-8 and declare "
                + "<?xml version=\"1.0\" encoding=\"UTF-8\"?> (or leave the encoding out)");
    }
}
