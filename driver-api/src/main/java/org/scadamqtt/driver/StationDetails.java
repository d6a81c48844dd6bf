package org.scadamqtt.driver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a driver's protocol knows about one station beyond its state, for the operator: a few
 * labelled texts (a Sparkplug edge node's "sparkplug state" = "online", "metrics" = "12") and the
 * names of the actions {@link Driver#stationAction} runs for it ("rebirth").
 *
 * @param values  label to text, in display order; never null
 * @param actions action names the station offers now, in display order; never null
 */
public record StationDetails(Map<String, String> values, List<String> actions) {

    /** A station with nothing more to show and no action. */
    public static final StationDetails NONE = new StationDetails(Map.of(), List.of());

    public StationDetails {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        values.forEach((k, v) -> {
            Objects.requireNonNull(k, "label");
            Objects.requireNonNull(v, "text of " + k);
        });
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** Whether there is neither a value nor an action. */
    public boolean isEmpty() {
        return values.isEmpty() && actions.isEmpty();
    }
}
