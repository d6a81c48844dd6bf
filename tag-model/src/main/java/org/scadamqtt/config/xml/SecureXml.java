package org.scadamqtt.config.xml;

import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.SAXException;

/**
 * XML parsing set up so that a configuration file cannot make the loader read anything else:
 * DOCTYPE declarations are refused outright (no entities, no external DTDs, no billion laughs),
 * and neither the parser nor the schema validator may fetch external resources.
 */
final class SecureXml {

    /** Where the schema lives on the class path. */
    static final String SCHEMA_RESOURCE = "/org/scadamqtt/config/xml/scada-config-1.xsd";

    private static final Schema SCHEMA = loadSchema();

    private SecureXml() {
    }

    /** A namespace-aware SAX parser factory that refuses DOCTYPEs. */
    static SAXParserFactory parserFactory() {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            // a parser without these features cannot be made safe: refuse to run at all
            throw new IllegalStateException("the XML parser cannot be configured securely", e);
        }
        return f;
    }

    /** A validator for the configuration schema that fetches nothing external. */
    static ValidatorHandler validatorHandler() {
        ValidatorHandler v = SCHEMA.newValidatorHandler();
        try {
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the schema validator cannot be configured securely", e);
        }
        return v;
    }

    private static Schema loadSchema() {
        URL url = SecureXml.class.getResource(SCHEMA_RESOURCE);
        if (url == null) {
            throw new IllegalStateException("schema " + SCHEMA_RESOURCE + " is missing from the class path");
        }
        try {
            SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return sf.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("schema " + SCHEMA_RESOURCE + " does not load: " + e.getMessage(), e);
        }
    }
}
