package org.scadamqtt.config.xml;

import java.util.ArrayList;
import java.util.List;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.SourceLocation;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Receives the parsed (and schema-checked) file: builds the {@link XmlModel} with the location
 * of every element, and turns parser and schema errors into located {@link ConfigProblem}s.
 * Elements outside the configuration namespace are skipped here: the schema reports them.
 */
final class ConfigHandler extends DefaultHandler {

    private final String file;
    final XmlModel model = new XmlModel();
    final List<ConfigProblem> problems = new ArrayList<>();
    boolean fatal;

    private Locator locator;
    private XmlModel.Line line;
    private XmlModel.Station station;
    /** Where character data currently goes (host, port, param text), or null. */
    private StringBuilder text;
    private XmlModel.Param param;
    private String textElement;

    ConfigHandler(String file) {
        this.file = file;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    private SourceLocation here() {
        return locator == null ? new SourceLocation(file, 1, 1)
                : ConfigHandler.located(file, locator.getLineNumber(), locator.getColumnNumber());
    }

    /**
     * A position in the file; 1:1 when the parser knows none (-1), e.g. for a file that ends
     * inside its XML declaration: a problem of the file is always printed as file:line:column.
     */
    static SourceLocation located(String file, int line, int column) {
        return line < 1 ? new SourceLocation(file, 1, 1) : new SourceLocation(file, line, Math.max(1, column));
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        if (!ConfigLoader.NAMESPACE.equals(uri)) {
            return;
        }
        switch (localName) {
            case "line" -> {
                line = new XmlModel.Line();
                line.name = atts.getValue("", "name");
                line.protocol = atts.getValue("", "protocol");
                line.at = here();
                model.lines.add(line);
            }
            case "host", "port" -> {
                if (line != null && station == null) {
                    text = new StringBuilder();
                    textElement = localName;
                    if (localName.equals("host")) {
                        line.hostAt = here();
                    } else {
                        line.portAt = here();
                    }
                }
            }
            case "param" -> {
                param = new XmlModel.Param();
                param.name = atts.getValue("", "name");
                param.at = here();
                text = param.text;
                textElement = localName;
                if (station != null) {
                    station.params.add(param);
                } else if (line != null) {
                    line.params.add(param);
                }
            }
            case "station" -> {
                station = new XmlModel.Station();
                station.name = atts.getValue("", "name");
                station.address = atts.getValue("", "address");
                station.state = atts.getValue("", "state");
                station.at = here();
                if (line != null) {
                    line.stations.add(station);
                }
            }
            case "tag" -> {
                XmlModel.Tag tag = new XmlModel.Tag();
                tag.name = atts.getValue("", "name");
                tag.type = atts.getValue("", "type");
                tag.address = atts.getValue("", "address");
                tag.at = here();
                TagExtras.collect(atts, tag.extras);
                if (station != null) {
                    station.tags.add(tag);
                }
            }
            default -> {
                // scada, or an element the schema reports as unexpected
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (!ConfigLoader.NAMESPACE.equals(uri)) {
            return;
        }
        switch (localName) {
            case "host" -> endText(s -> line.host = s);
            case "port" -> endText(s -> line.port = s);
            case "param" -> {
                text = null;
                textElement = null;
                param = null;
            }
            case "station" -> station = null;
            case "line" -> line = null;
            default -> {
            }
        }
    }

    private void endText(java.util.function.Consumer<String> sink) {
        if (text != null && line != null) {
            sink.accept(text.toString());
        }
        text = null;
        textElement = null;
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (text != null && textElement != null) {
            text.append(ch, start, length);
        }
    }

    @Override
    public void warning(SAXParseException e) {
        // schema warnings concern the schema, not the file
    }

    @Override
    public void error(SAXParseException e) {
        problems.add(new ConfigProblem(at(e), "XML_SCHEMA", schemaSentence(e.getMessage())));
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
        fatal = true;
        String m = String.valueOf(e.getMessage());
        if (e instanceof DepthLimit.TooDeep) {
            problems.add(new ConfigProblem(at(e), "XML_TOO_DEEP", "the file nests elements more than "
                    + DepthLimit.MAX_DEPTH + " levels deep (" + m + "); a configuration needs four: <scada>, "
                    + "<line>, <station>, <tag> or <param>. Reading stopped here"));
        } else if (m.contains("DOCTYPE")) {
            problems.add(new ConfigProblem(at(e), "XML_DOCTYPE", "the file contains a DOCTYPE declaration; "
                    + "configuration files may not declare a DOCTYPE or entities (they could make the loader read "
                    + "other files); remove the <!DOCTYPE …> line"));
        } else {
            problems.add(new ConfigProblem(at(e), "XML_SYNTAX", "the file is not well-formed XML: " + m));
        }
        throw e;
    }

    private SourceLocation at(SAXParseException e) {
        return located(file, e.getLineNumber(), e.getColumnNumber());
    }

    /** Makes a schema message readable: no cvc-code prefix, element names without the namespace. */
    static String schemaSentence(String message) {
        String m = message == null ? "schema violation" : message;
        int colon = m.indexOf(": ");
        if (m.startsWith("cvc-") && colon > 0) {
            m = m.substring(colon + 2);
        }
        m = m.replace("\"" + ConfigLoader.NAMESPACE + "\":", "");
        if (m.contains("Cannot find the declaration of element")) {
            m += " The root element must be <scada xmlns=\"" + ConfigLoader.NAMESPACE + "\">.";
        }
        return "the file does not follow the configuration schema: " + m;
    }
}
