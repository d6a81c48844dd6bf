package org.scadamqtt.config.xml;

import java.util.ArrayList;
import java.util.List;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.config.ParameterScope;
import org.scadamqtt.config.ParameterType;
import org.scadamqtt.config.ProtocolCatalog;
import org.scadamqtt.config.ProtocolRules;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;

/** A small protocol "test" with the shapes of the MQTT table, so tag-model tests need no driver. */
final class TestProtocol {

    static final List<ParameterDescriptor> LINE = List.of(
            ParameterDescriptor.builder("topicFilter", ParameterType.TEXT, ParameterScope.LINE)
                    .defaultText("#").repeatable().build(),
            ParameterDescriptor.builder("subscribeQos", ParameterType.QOS, ParameterScope.LINE)
                    .defaultText("QoS_1").build(),
            ParameterDescriptor.builder("keepAlive", ParameterType.INTEGER, ParameterScope.LINE)
                    .defaultText("0").range("0", "65535").build(),
            ParameterDescriptor.builder("payloadType", ParameterType.CHOICE, ParameterScope.LINE)
                    .defaultText("TEXT").choice("TEXT", "Text only").choice("JSON").build(),
            ParameterDescriptor.builder("userName", ParameterType.TEXT, ParameterScope.LINE).defaultText("").build(),
            ParameterDescriptor.builder("password", ParameterType.SECRET, ParameterScope.LINE).defaultText("").build(),
            ParameterDescriptor.builder("cleanSession", ParameterType.BOOLEAN, ParameterScope.LINE)
                    .defaultText("NO").build());

    static final List<ParameterDescriptor> STATION = List.of(
            ParameterDescriptor.builder("SWT", ParameterType.TEXT, ParameterScope.STATION).defaultText("").build(),
            ParameterDescriptor.builder("timeZone", ParameterType.TEXT, ParameterScope.STATION)
                    .defaultText("LOCAL").build());

    /** Flags input tags with OUT_VALUE, as a driver would: proves driver problems join the others. */
    static List<ConfigProblem> validate(LineConfig line) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (StationConfig s : line.stations()) {
            for (TagConfig t : s.tags()) {
                if (t.address().equals("OUT_VALUE") && !t.type().isOutput()) {
                    problems.add(new ConfigProblem(t.location(), "ADDRESS_NOT_FOR_TYPE",
                            "tag '" + t.name() + "' is an input; OUT_VALUE needs an output type"));
                }
                if (t.address().equals("CRASH")) {
                    throw new IllegalStateException("boom");
                }
            }
        }
        return problems;
    }

    static final ProtocolCatalog CATALOG = ProtocolCatalog.of(
            new ProtocolRules("test", LINE, STATION, TestProtocol::validate));

    private TestProtocol() {
    }
}
