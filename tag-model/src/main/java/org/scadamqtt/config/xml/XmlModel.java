package org.scadamqtt.config.xml;

import java.util.ArrayList;
import java.util.List;
import org.scadamqtt.config.SourceLocation;

/**
 * The configuration as written, before any value is checked: filled by {@link ConfigHandler}
 * while parsing, read by {@link ConfigAssembler}. Attributes the schema requires may still be
 * null here (the schema error is reported; the assembler skips what it cannot use).
 */
final class XmlModel {

    final List<Line> lines = new ArrayList<>();

    static final class Line {
        String name;
        String protocol;
        SourceLocation at;
        String host;
        SourceLocation hostAt;
        String port;
        SourceLocation portAt;
        final List<Param> params = new ArrayList<>();
        final List<Station> stations = new ArrayList<>();
    }

    static final class Station {
        String name;
        String address;
        String state;
        SourceLocation at;
        final List<Param> params = new ArrayList<>();
        final List<Tag> tags = new ArrayList<>();
    }

    static final class Tag {
        String name;
        String type;
        String address;
        SourceLocation at;
        /** The optional display attributes and {@code default}, by attribute name, as written. */
        final java.util.Map<String, String> extras = new java.util.LinkedHashMap<>();
    }

    static final class Param {
        String name;
        final StringBuilder text = new StringBuilder();
        SourceLocation at;
    }
}
