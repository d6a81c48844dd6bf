package org.scadamqtt.config.xml;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Stops parsing at the first element nested deeper than {@link #MAX_DEPTH}. A configuration is
 * four levels deep (scada, line, station, tag or param); a file nesting 100,000 unknown elements
 * kept the schema validator busy for seconds before its one problem was reported. Parsing is a
 * stream, so stopping at the first element too deep answers at once, with its position.
 */
final class DepthLimit extends XMLFilterImpl {

    /** Far more than a configuration uses, far less than what makes the validator slow. */
    static final int MAX_DEPTH = 32;

    /** The fatal error raised at the first element too deep, so the handler can name it. */
    static final class TooDeep extends SAXParseException {
        private static final long serialVersionUID = 1L;

        TooDeep(String element, Locator at) {
            super("element <" + element + "> is nested " + (MAX_DEPTH + 1) + " levels deep", at);
        }
    }

    private Locator locator;
    private int depth;

    DepthLimit(XMLReader parent) {
        super(parent);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
        super.setDocumentLocator(locator);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (++depth > MAX_DEPTH) {
            TooDeep e = new TooDeep(qName, locator);
            if (getErrorHandler() != null) {
                getErrorHandler().fatalError(e);
            }
            throw e;
        }
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        depth--;
        super.endElement(uri, localName, qName);
    }
}
