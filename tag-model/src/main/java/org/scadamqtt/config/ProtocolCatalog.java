package org.scadamqtt.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The protocols a configuration may use, by protocol code (case-insensitive). Immutable.
 * A host builds it from the drivers it loaded; tests build it from a driver's rules directly.
 */
public final class ProtocolCatalog {

    private final Map<String, ProtocolRules> byCode;

    private ProtocolCatalog(Map<String, ProtocolRules> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    /**
     * A catalog of the given protocols.
     *
     * @throws IllegalArgumentException when two rules share a protocol code
     */
    public static ProtocolCatalog of(ProtocolRules... rules) {
        return of(List.of(rules));
    }

    /**
     * A catalog of the given protocols.
     *
     * @throws IllegalArgumentException when two rules share a protocol code
     */
    public static ProtocolCatalog of(List<ProtocolRules> rules) {
        Map<String, ProtocolRules> map = new LinkedHashMap<>();
        for (ProtocolRules r : rules) {
            if (map.put(key(r.protocol()), r) != null) {
                throw new IllegalArgumentException("two drivers declare protocol '" + r.protocol() + "'");
            }
        }
        return new ProtocolCatalog(map);
    }

    /** The rules of a protocol code, ignoring case. */
    public Optional<ProtocolRules> find(String protocol) {
        return protocol == null ? Optional.empty() : Optional.ofNullable(byCode.get(key(protocol)));
    }

    /** The known protocol codes, sorted. */
    public List<String> protocols() {
        return byCode.values().stream().map(ProtocolRules::protocol).sorted().toList();
    }

    private static String key(String code) {
        return code.trim().toLowerCase(Locale.ROOT);
    }
}
